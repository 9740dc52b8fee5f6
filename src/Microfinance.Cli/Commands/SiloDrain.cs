using System.CommandLine;
using System.Diagnostics;
using Microfinance.Abstractions.Operations;
using Orleans.Runtime;

namespace Microfinance.Cli.Commands;

/// <summary>
/// Drains one silo: finds it among the active silos by name or address, asks it to stop through its
/// <see cref="ISiloDrainGrain"/>, and waits until the membership table no longer shows it active.
/// </summary>
internal sealed class SiloDrain(IClusterClient client)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);

    public async Task<int> RunAsync(string silo, TimeSpan wait, InvocationConfiguration console, CancellationToken ct)
    {
        var management = client.GetGrain<IManagementGrain>(0);
        var active = (await management.GetDetailedHosts(onlyActive: true)).ToList();
        var found = active.Where(host => Names(host, silo)).ToList();
        if (found is not [var target])
        {
            console.Error.WriteLine(found.Count == 0
                ? $"microfinance cluster drain: no active silo is named '{silo}' or listens at it (see microfinance cluster)"
                : $"microfinance cluster drain: '{silo}' names {found.Count} silos; give the address host:port");
            return ExitCodes.Failure;
        }

        if (active.Count == 1)
        {
            console.Error.WriteLine($"microfinance cluster drain: {target.SiloName} is the only active silo; draining it would stop the platform");
            return ExitCodes.Failure;
        }

        var started = Stopwatch.GetTimestamp();
        await client.GetGrain<ISiloDrainGrain>(target.SiloAddress.ToParsableString()).DrainAsync();
        console.Output.WriteLine($"{target.SiloName} ({target.SiloAddress.Endpoint}) is draining");
        if (wait <= TimeSpan.Zero)
        {
            return ExitCodes.Ok;
        }

        while (Stopwatch.GetElapsedTime(started) < wait)
        {
            await Task.Delay(PollEvery, ct);
            var hosts = await management.GetHosts(onlyActive: false);
            if (!hosts.TryGetValue(target.SiloAddress, out var status) || status is SiloStatus.Dead)
            {
                console.Output.WriteLine($"{target.SiloName} left the cluster after {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
                return ExitCodes.Ok;
            }
        }

        console.Error.WriteLine($"microfinance cluster drain: {target.SiloName} is still in the cluster after {wait.TotalSeconds:F0} s");
        return ExitCodes.Failure;
    }

    private static bool Names(MembershipEntry host, string silo) =>
        string.Equals(host.SiloName, silo, StringComparison.Ordinal)
        || string.Equals(host.SiloAddress.Endpoint.ToString(), silo, StringComparison.Ordinal);
}
