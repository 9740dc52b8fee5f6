using Microfinance.Grains;

namespace Microfinance.Bench.Storage;

/// <summary>Writes its state through the platform's grain storage on every call, as a lending grain does per step.</summary>
public sealed class StorageProbeGrain(
    [PersistentState("storageprobe", GrainStorage.Name)] IPersistentState<StorageProbeState> state)
    : Grain, IStorageProbeGrain
{
    public Task WriteAsync(int sequence, int bytes)
    {
        if (state.State.Filler.Length != bytes)
        {
            state.State = state.State with { Filler = new byte[bytes] };
        }

        state.State = state.State with { Sequence = sequence };
        return state.WriteStateAsync();
    }
}
