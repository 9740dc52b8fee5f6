using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace Microfinance.Grains.Common;

/// <summary>
/// The state a reentrant grain works on, kept apart from the object storage serializes. The ADO.NET
/// provider serializes the state off the grain's scheduler, while the grain's interleaving turns go
/// on changing it — under load, "Collection was modified" fails the write. So each write hands
/// storage a deep copy taken in the grain's own turn, and the turns keep working on the original,
/// unless the silo's provider needs no copy (<see cref="WorkingCopyOptions"/>).
/// </summary>
public sealed class WorkingCopy<T>(IPersistentState<T> storage, Grain grain)
    where T : class
{
    private T? _value;
    private DeepCopier? _copier;
    private bool? _copyBeforeWrite;

    /// <summary>The state to read and change; storage loaded it before the grain activated.</summary>
    public T Value => _value ??= storage.State;

    /// <summary>Writes a snapshot of <see cref="Value"/> as it is now.</summary>
    public Task WriteAsync()
    {
        var services = grain.GrainContext.ActivationServices;
        _copyBeforeWrite ??= services.GetRequiredService<IOptions<WorkingCopyOptions>>().Value.CopyBeforeWrite;
        if (_copyBeforeWrite.Value)
        {
            _copier ??= services.GetRequiredService<DeepCopier>();
            storage.State = _copier.Copy(Value);
        }

        return storage.WriteStateAsync();
    }
}
