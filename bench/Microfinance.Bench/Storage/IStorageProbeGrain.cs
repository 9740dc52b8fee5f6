namespace Microfinance.Bench.Storage;

/// <summary>A grain that only writes its state: what the storage benchmark drives.</summary>
public interface IStorageProbeGrain : IGrainWithIntegerKey
{
    /// <summary>Changes the state (to about <paramref name="bytes"/> bytes) and returns once the write is durable.</summary>
    Task WriteAsync(int sequence, int bytes);
}
