using Microfinance.Abstractions.Operations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microfinance.Grains.Operations;

/// <inheritdoc cref="ISiloDrainGrain"/>
[OnKeyedSiloPlacement]
public sealed class SiloDrainGrain(IHostApplicationLifetime host, ILogger<SiloDrainGrain> logger) : Grain, ISiloDrainGrain
{
    public Task DrainAsync()
    {
        logger.LogWarning("An operator asked this silo to drain: it stops now, handing its grains over to the other silos");

        // Off the grain's turn, so the call is answered before the silo starts deactivating its grains, this one among them.
        _ = Task.Run(host.StopApplication);
        return Task.CompletedTask;
    }
}
