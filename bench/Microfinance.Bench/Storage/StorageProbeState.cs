namespace Microfinance.Bench.Storage;

[GenerateSerializer, Alias("mf.bench.StorageProbeState")]
public sealed record StorageProbeState
{
    [Id(0)]
    public int Sequence { get; init; }

    /// <summary>Filler, so a row weighs what the benchmark was asked for.</summary>
    [Id(1)]
    public byte[] Filler { get; init; } = [];
}
