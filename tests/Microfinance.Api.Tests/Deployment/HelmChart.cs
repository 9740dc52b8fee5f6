using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Microfinance.Api.Tests.Deployment;

/// <summary>
/// The chart in <c>helm/orleans-microfinance</c>, read without a <c>helm</c> binary: its values, and
/// its templates' documents parsed as YAML once every template action is replaced by a placeholder
/// (a line that is only an action, such as <c>if</c> or <c>end</c>, is dropped; an action that
/// includes labels or <c>toYaml</c> becomes a placeholder mapping at its indentation).
/// </summary>
public sealed partial class HelmChart
{
    private HelmChart(string directory)
    {
        Directory = directory;
        Values = Parse(File.ReadAllText(Path.Combine(directory, "values.yaml")))[0];
    }

    public string Directory { get; }

    public YamlMappingNode Values { get; }

    /// <summary>The chart of the repository this test runs from.</summary>
    public static HelmChart Load()
    {
        for (var at = new DirectoryInfo(AppContext.BaseDirectory); at is not null; at = at.Parent)
        {
            var chart = Path.Combine(at.FullName, "helm", "orleans-microfinance");
            if (File.Exists(Path.Combine(chart, "Chart.yaml")))
            {
                return new HelmChart(chart);
            }
        }

        throw new InvalidOperationException("No helm/orleans-microfinance above the test's directory.");
    }

    /// <summary>A template's text as written.</summary>
    public string Template(string name) => File.ReadAllText(Path.Combine(Directory, "templates", name));

    /// <summary>Every template's documents, placeholders in place of the template actions.</summary>
    public IEnumerable<(string Template, YamlMappingNode Document)> Documents() =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, "templates"), "*.yaml")
            .OrderBy(path => path, StringComparer.Ordinal)
            .SelectMany(path => Parse(Placeholders(File.ReadAllText(path))).Select(document => (Path.GetFileName(path), document)));

    /// <summary>The document of <paramref name="kind"/>; fails unless there is exactly one.</summary>
    public YamlMappingNode Document(string kind) =>
        Documents().Single(entry => Scalar(entry.Document, "kind") == kind).Document;

    /// <summary>A value of values.yaml by its path, e.g. <c>ports.grpc</c>.</summary>
    public string Value(string path) => Scalar(Values, path.Split('.'));

    public static string Scalar(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }

        return ((YamlScalarNode)node).Value ?? "";
    }

    private static string Placeholders(string template)
    {
        var lines = new List<string>();
        foreach (var line in template.Split('\n'))
        {
            if (ActionOnly().IsMatch(line))
            {
                continue;
            }

            var indented = IndentedInclude().Match(line);
            lines.Add(indented.Success
                ? new string(' ', int.Parse(indented.Groups["indent"].Value, System.Globalization.CultureInfo.InvariantCulture)) + "placeholder: x"
                : Action().Replace(line, "x"));
        }

        return string.Join('\n', lines);
    }

    private static List<YamlMappingNode> Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return [.. stream.Documents.Select(document => document.RootNode).OfType<YamlMappingNode>()];
    }

    [GeneratedRegex(@"^\s*\{\{-?\s*(if|else|end|range|with|define)\b[^}]*\}\}\s*$")]
    private static partial Regex ActionOnly();

    [GeneratedRegex(@"^\s*\{\{-?\s*(include|toYaml)\b.*\|\s*nindent\s+(?<indent>\d+)\s*\}\}\s*$")]
    private static partial Regex IndentedInclude();

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex Action();
}
