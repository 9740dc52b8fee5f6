using System.Data.Common;
using Orleans.Storage;

namespace Microfinance.Grains.Common;

/// <summary>
/// Finds the database's own error, or the storage's refusal of a stale write, in a failure, however
/// Orleans wrapped it on its way (a storage provider's error reaches the grain inside an
/// <see cref="OrleansException"/>).
/// </summary>
public static class DatabaseFailure
{
    /// <summary>The database error behind <paramref name="failure"/>, or null if it did not come from the database.</summary>
    public static DbException? Of(Exception failure) => failure switch
    {
        DbException database => database,
        AggregateException { InnerExceptions: var inner } => inner.Select(Of).FirstOrDefault(found => found is not null),
        { InnerException: { } inner } => Of(inner),
        _ => null,
    };

    /// <summary>
    /// The storage's refusal of a write made with a stale etag behind <paramref name="failure"/>, or
    /// null: another activation of the grain wrote since this one read its state.
    /// </summary>
    public static InconsistentStateException? StaleWrite(Exception failure) => failure switch
    {
        InconsistentStateException stale => stale,
        AggregateException { InnerExceptions: var inner } => inner.Select(StaleWrite).FirstOrDefault(found => found is not null),
        { InnerException: { } inner } => StaleWrite(inner),
        _ => null,
    };
}
