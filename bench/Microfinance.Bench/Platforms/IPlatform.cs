using Microfinance.Bench.Origination;

namespace Microfinance.Bench.Platforms;

/// <summary>The platform under test, started in this process on loopback.</summary>
public interface IPlatform : IAsyncDisposable
{
    /// <summary>What the workers call, for the report.</summary>
    string Description { get; }

    /// <summary>A grain factory beside a silo, for setup and the consistency check (not timed).</summary>
    IGrainFactory Grains { get; }

    /// <summary>How worker <paramref name="client"/> originates loans (spread over the silos).</summary>
    IOriginator OriginatorFor(int client);
}
