using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Operations;

namespace Microfinance.Silo.Hosting;

/// <summary>
/// Keeps the cluster's one <see cref="IProvinceGaugesGrain"/> active: every silo calls it at start
/// and every minute after, so the gauges come back within a minute when the silo exporting them dies.
/// </summary>
public sealed class ProvinceGaugesKeeper(IGrainFactory grains, ILogger<ProvinceGaugesKeeper> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                await grains.Get<IProvinceGaugesGrain>(IProvinceGaugesGrain.Key).KeepAsync().WaitAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The operators' gauges could not be reached; trying again in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
