namespace Microfinance.Grains.Common;

/// <summary>
/// Ends an activation whose call failed on the database. A grain changes its state in memory and
/// then writes it; when the write fails, the memory holds a change that storage may never have
/// taken. Were the activation kept, a retry of the same request would find the change "already
/// made" and acknowledge what is not durable. The next call activates the grain afresh from what
/// storage holds, and a retry then applies the change properly (or replays it, if the write had
/// committed after all). A write refused for a stale etag ends it too: another activation wrote
/// since, and this one's memory is behind storage.
/// </summary>
public sealed class StorageFailureDeactivation : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception failure) when (DatabaseFailure.Of(failure) is not null || DatabaseFailure.StaleWrite(failure) is not null)
        {
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "Its storage failed; reload what is durable."));
            throw;
        }
    }
}
