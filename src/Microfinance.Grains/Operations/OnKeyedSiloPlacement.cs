using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Microfinance.Grains.Operations;

/// <summary>Places a grain on the silo its key names (<c>SiloAddress.ToParsableString()</c>).</summary>
[GenerateSerializer, Immutable, Alias("mf.OnKeyedSiloPlacement")]
public sealed class OnKeyedSiloPlacement : PlacementStrategy;

/// <summary>Marks a grain class as placed by <see cref="OnKeyedSiloPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class OnKeyedSiloPlacementAttribute() : PlacementAttribute(new OnKeyedSiloPlacement());

/// <summary>
/// Puts the activation on the silo the grain's key names while that silo is active. A silo that is
/// gone or shutting down gets none: the call fails rather than landing on another silo.
/// </summary>
public sealed class OnKeyedSiloPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString();
        var silo = SiloAddress.FromParsableString(key);
        if (!context.GetCompatibleSilos(target).Contains(silo))
        {
            throw new OrleansException($"Silo {key} is not an active silo of this cluster.");
        }

        return Task.FromResult(silo);
    }
}
