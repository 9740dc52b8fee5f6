using System.Globalization;
using System.Reflection;

namespace Microfinance.Schema;

/// <summary>One numbered SQL migration embedded in this assembly as <c>Migrations/NNNN_name.sql</c>.</summary>
internal sealed record Migration(int Version, string Id, string Sql)
{
    private const string ResourcePrefix = "Migrations/";
    private const string ResourceSuffix = ".sql";

    public static IReadOnlyList<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                && name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .Select(name => Load(assembly, name))
            .OrderBy(migration => migration.Version)
            .ToList();

        var duplicate = migrations.GroupBy(migration => migration.Version).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Migrations {string.Join(" and ", duplicate.Select(migration => migration.Id))} share version {duplicate.Key}.");
        }

        return migrations;
    }

    private static Migration Load(Assembly assembly, string resourceName)
    {
        var id = resourceName[ResourcePrefix.Length..^ResourceSuffix.Length];
        var separator = id.IndexOf('_');
        if (separator <= 0
            || !int.TryParse(id.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration '{id}' must be named NNNN_description.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, id, reader.ReadToEnd());
    }
}
