using System.Globalization;
using Orleans.Runtime;
using Spectre.Console;

namespace Microfinance.Cli.Commands;

/// <summary>What <c>microfinance cluster</c> shows: the silos, and the activations per grain type.</summary>
internal sealed record ClusterReport(IReadOnlyList<ClusterReport.SiloLine> Silos, IReadOnlyList<(string GrainType, int Activations)> GrainTypes)
{
    /// <summary>One silo: its address (host:port), name and status, and for an active one its load.</summary>
    internal sealed record SiloLine(string Address, string Name, SiloStatus Status, int? Activations, float? CpuPercent, long? MemoryBytes);

    /// <summary>Asks the cluster's management grain for the silos, their load and the activations.</summary>
    public static async Task<ClusterReport> ReadAsync(IClusterClient client)
    {
        var management = client.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false);
        var active = hosts.Where(host => host.Status == SiloStatus.Active).Select(host => host.SiloAddress).ToArray();
        var load = (await management.GetRuntimeStatistics(active)).Zip(active).ToDictionary(pair => pair.Second, pair => pair.First);
        var silos = hosts
            .OrderBy(host => host.SiloName, StringComparer.Ordinal)
            .Select(host => load.TryGetValue(host.SiloAddress, out var statistics)
                ? new SiloLine(host.SiloAddress.Endpoint.ToString(), host.SiloName, host.Status, statistics.ActivationCount, statistics.EnvironmentStatistics.FilteredCpuUsagePercentage, statistics.EnvironmentStatistics.FilteredMemoryUsageBytes)
                : new SiloLine(host.SiloAddress.Endpoint.ToString(), host.SiloName, host.Status, null, null, null))
            .ToList();
        var grainTypes = (await management.GetSimpleGrainStatistics())
            .GroupBy(statistic => statistic.GrainType)
            .Select(type => (type.Key, type.Sum(statistic => statistic.ActivationCount)))
            .OrderByDescending(type => type.Item2)
            .ThenBy(type => type.Key, StringComparer.Ordinal)
            .ToList();
        return new ClusterReport(silos, grainTypes);
    }

    public void Write(IAnsiConsole console)
    {
        var silos = new Table().AddColumns("silo", "name", "status")
            .AddColumn(new TableColumn("activations").RightAligned())
            .AddColumn(new TableColumn("cpu %").RightAligned())
            .AddColumn(new TableColumn("memory MiB").RightAligned());
        foreach (var silo in Silos)
        {
            silos.AddRow(
                Markup.Escape(silo.Address),
                Markup.Escape(silo.Name),
                silo.Status == SiloStatus.Active ? $"[green]{silo.Status}[/]" : silo.Status.ToString(),
                silo.Activations?.ToString(CultureInfo.InvariantCulture) ?? "-",
                silo.CpuPercent?.ToString("F1", CultureInfo.InvariantCulture) ?? "-",
                silo.MemoryBytes is { } bytes ? (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) : "-");
        }

        var grainTypes = new Table().AddColumn("grain type").AddColumn(new TableColumn("activations").RightAligned());
        foreach (var (grainType, activations) in GrainTypes)
        {
            grainTypes.AddRow(Markup.Escape(grainType), activations.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(silos);
        console.Write(grainTypes);
    }
}
