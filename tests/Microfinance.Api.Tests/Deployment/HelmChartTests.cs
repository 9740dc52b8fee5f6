using System.Net;
using System.Reflection;
using System.Xml.Linq;
using Microfinance.Api.Tests.Support;
using Microfinance.Silo.Hosting;
using Microfinance.Silo.Security;
using Orleans.Hosting.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace Microfinance.Api.Tests.Deployment;

/// <summary>
/// The Helm chart against the silo it deploys: what it sets is what the silo reads, the ports it
/// opens are the ones the silo listens on, and its probes are answered without the database.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HelmChartTests(ApiFixture fixture)
{
    private static readonly HelmChart Chart = HelmChart.Load();

    /// <summary>Variables read by others than the platform's options: the connection string, and Orleans' Kubernetes hosting.</summary>
    private static readonly HashSet<string> ReadElsewhere =
    [
        "MICROFINANCE_POSTGRES",
        .. typeof(KubernetesHostingOptions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.Name.EndsWith("EnvironmentVariable", StringComparison.Ordinal))
            .Select(field => (string)field.GetRawConstantValue()!),
    ];

    [Fact]
    public void EveryTemplateIsWellFormedAndTheChartHasWhatASiloDeploymentNeeds()
    {
        var kinds = Chart.Documents().Select(entry => HelmChart.Scalar(entry.Document, "kind")).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Job", "PodDisruptionBudget", "Role", "RoleBinding", "Secret", "Service", "Service", "ServiceAccount"],
            kinds);
    }

    [Fact]
    public void EveryVariableTheChartSetsIsOneTheSiloReads()
    {
        var set = Variables().ToList();

        Assert.All(set, name => Assert.True(
            ReadElsewhere.Contains(name) || ReadByOptions(name),
            $"{name} is set by the chart but read by nothing in the silo."));
        Assert.Subset(set.ToHashSet(), ReadElsewhere);
    }

    [Theory]
    [InlineData("grpc", nameof(PlatformOptions.GrpcPort))]
    [InlineData("web", nameof(PlatformOptions.WebPort))]
    [InlineData("silo", nameof(PlatformOptions.SiloPort))]
    [InlineData("gateway", nameof(PlatformOptions.GatewayPort))]
    public void EachPortTheChartOpensIsThePortTheSiloIsToldToListenOn(string port, string option)
    {
        var configMap = Chart.Template("configmap.yaml");
        var deployment = Chart.Template("deployment.yaml");

        Assert.Contains($"Microfinance__{option}: {{{{ .Values.ports.{port} | quote }}}}", configMap);
        Assert.Contains($"- name: {port}\n              containerPort: {{{{ .Values.ports.{port} }}}}", deployment);
        Assert.Equal(typeof(PlatformOptions).GetProperty(option)!.GetValue(new PlatformOptions())!.ToString(), Chart.Value($"ports.{port}"));
    }

    [Fact]
    public void TheServicesReachTheGrpcAndWebPortsOfTheSilos()
    {
        var services = Chart.Documents().Where(entry => HelmChart.Scalar(entry.Document, "kind") == "Service").Select(entry => entry.Document);

        var targets = services.SelectMany(service => ((YamlSequenceNode)((YamlMappingNode)service.Children[new YamlScalarNode("spec")]).Children[new YamlScalarNode("ports")])
            .Select(port => HelmChart.Scalar(port, "targetPort")));

        Assert.Equal(["grpc", "web"], targets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheOrleansServiceIdIsThePlatformsFixedOne()
    {
        var configMap = Chart.Document("ConfigMap");

        Assert.Equal(SiloIdentity.ServiceId, HelmChart.Scalar(configMap, "data", "ORLEANS_SERVICE_ID"));
        Assert.Contains($"orleans/serviceId: {SiloIdentity.ServiceId}", Chart.Template("deployment.yaml"));
    }

    [Fact]
    public void TheImageRunsTheSiloAndTheMigrationJobRunsTheCliItPublishes()
    {
        var root = Path.GetFullPath(Path.Combine(Chart.Directory, "..", ".."));
        var dockerfile = File.ReadAllText(Path.Combine(root, "Dockerfile"));
        var cli = XDocument.Load(Path.Combine(root, "src", "Microfinance.Cli", "Microfinance.Cli.csproj")).Descendants("AssemblyName").Single().Value;

        Assert.Contains("dotnet publish src/Microfinance.Cli -c Release -o /app/cli", dockerfile);
        Assert.Contains($"command: [\"dotnet\", \"/app/cli/{cli}.dll\"]", Chart.Template("migration-job.yaml"));
        Assert.Contains("dotnet publish src/Microfinance.Silo -c Release -o /app/silo", dockerfile);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"/app/silo/{typeof(PlatformOptions).Assembly.GetName().Name}.dll\"]", dockerfile);
    }

    [Fact]
    public void KubernetesWaitsLongerThanTheSiloTakesToStop()
    {
        Assert.Contains("Microfinance__ShutdownSeconds: {{ .Values.shutdownSeconds | quote }}", Chart.Template("configmap.yaml"));
        Assert.Contains("terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}", Chart.Template("deployment.yaml"));
        Assert.True(int.Parse(Chart.Value("terminationGracePeriodSeconds")) > int.Parse(Chart.Value("shutdownSeconds")));
    }

    [Theory]
    [InlineData("startupProbe", "/readyz")]
    [InlineData("readinessProbe", "/readyz")]
    [InlineData("livenessProbe", "/healthz")]
    public async Task EachProbeIsAnsweredOnTheWebPortBySiloItself(string probe, string path)
    {
        var container = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)Chart.Document("Deployment")
            .Children[new YamlScalarNode("spec")]).Children[new YamlScalarNode("template")]).Children[new YamlScalarNode("spec")]))
            .Children[new YamlScalarNode("containers")])[0];
        using var web = new HttpClient { BaseAddress = new Uri(fixture.WebAddress) };

        var response = await web.GetAsync(path);

        Assert.Equal((path, "web"), (HelmChart.Scalar(container, probe, "httpGet", "path"), HelmChart.Scalar(container, probe, "httpGet", "port")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The environment variables the chart gives the silo: its ConfigMap's keys and the Deployment's own.</summary>
    private static IEnumerable<string> Variables()
    {
        var configMap = (YamlMappingNode)Chart.Document("ConfigMap").Children[new YamlScalarNode("data")];
        var container = Chart.Template("deployment.yaml");
        return configMap.Children.Keys.Select(key => ((YamlScalarNode)key).Value!)
            .Concat(System.Text.RegularExpressions.Regex.Matches(container, @"- name: ([A-Za-z_]+)\n\s+value").Select(match => match.Groups[1].Value))
            .Concat(System.Text.RegularExpressions.Regex.Matches(container, @"- name: ([A-Za-z_]+)\n\s+valueFrom").Select(match => match.Groups[1].Value));
    }

    /// <summary>
    /// Whether a <c>Microfinance__…</c> variable names a setting the silo binds: a property of
    /// <see cref="PlatformOptions"/>, or of <see cref="AuthOptions"/> under <c>Auth</c> (a list's
    /// entries by index).
    /// </summary>
    private static bool ReadByOptions(string variable)
    {
        var path = variable.Split("__");
        if (path is not ["Microfinance", .. var rest])
        {
            return false;
        }

        var type = typeof(PlatformOptions);
        if (rest is ["Auth", .. var auth])
        {
            (type, rest) = (typeof(AuthOptions), auth);
        }

        var property = rest.Length > 0 ? type.GetProperty(rest[0]) : null;
        return property is { CanWrite: true } && rest.Length switch
        {
            1 => true,
            2 => property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(List<>),
            _ => false,
        };
    }
}
