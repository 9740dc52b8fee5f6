using System.Globalization;
using Orleans.Runtime;

namespace Microfinance.Cli.Commands;

/// <summary>What <c>microfinance cluster</c> shows: the silos, and the activations per grain type.</summary>
internal sealed record ClusterReport(IReadOnlyList<ClusterReport.SiloLine> Silos, IReadOnlyList<(string GrainType, int Activations)> GrainTypes)
{
    /// <summary>One silo: its address, name and status, and for an active one its load.</summary>
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
                ? new SiloLine(host.SiloAddress.ToString(), host.SiloName, host.Status, statistics.ActivationCount, statistics.EnvironmentStatistics.FilteredCpuUsagePercentage, statistics.EnvironmentStatistics.FilteredMemoryUsageBytes)
                : new SiloLine(host.SiloAddress.ToString(), host.SiloName, host.Status, null, null, null))
            .ToList();
        var grainTypes = (await management.GetSimpleGrainStatistics())
            .GroupBy(statistic => statistic.GrainType)
            .Select(type => (type.Key, type.Sum(statistic => statistic.ActivationCount)))
            .OrderByDescending(type => type.Item2)
            .ThenBy(type => type.Key, StringComparer.Ordinal)
            .ToList();
        return new ClusterReport(silos, grainTypes);
    }

    public void Write(TextWriter output)
    {
        output.WriteLine($"{"silo",-28} {"name",-24} {"status",-12} {"activations",11} {"cpu %",6} {"memory MiB",10}");
        foreach (var silo in Silos)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{silo.Address,-28} {silo.Name,-24} {silo.Status,-12} {silo.Activations?.ToString(CultureInfo.InvariantCulture) ?? "-",11} {(silo.CpuPercent is { } cpu ? cpu.ToString("F1", CultureInfo.InvariantCulture) : "-"),6} {(silo.MemoryBytes is { } bytes ? (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) : "-"),10}"));
        }

        output.WriteLine();
        output.WriteLine($"{"grain type",-40} {"activations",11}");
        foreach (var (grainType, activations) in GrainTypes)
        {
            output.WriteLine($"{grainType,-40} {activations,11}");
        }
    }
}
