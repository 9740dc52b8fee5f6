using Microfinance.Abstractions.Operations;
using Microfinance.Grains.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microfinance.Grains.Metrics;

/// <inheritdoc cref="IProvinceGaugesGrain"/>
/// <remarks>
/// The gauges come from the grains that own the figures, not from whatever happens to be active, so
/// they are the same whichever silo reads them. A reading that fails keeps the last one exported;
/// its time (<c>microfinance.gauges.read</c>) shows how old it is.
/// </remarks>
public sealed class ProvinceGaugesGrain(
    ProvinceGaugeMeter meter,
    BusinessClock clock,
    IOptions<ProvinceGaugeOptions> options,
    ILogger<ProvinceGaugesGrain> logger) : Grain, IProvinceGaugesGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var period = options.Value.ReadEvery;
        this.RegisterGrainTimer(ReadAsync, new GrainTimerCreationOptions(TimeSpan.Zero, period) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        meter.Withdraw();
        return Task.CompletedTask;
    }

    public Task KeepAsync() => Task.CompletedTask;

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var at = clock.Now;
            meter.Publish(await new CountyGaugesReader(GrainFactory, clock).ReadAllAsync(), at);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "The operators' gauges could not be read; the last reading stays exported");
        }
    }
}
