using System.Data.Common;

namespace Microfinance.Grains.Common;

/// <summary>
/// Finds the database's own error in a failure, however Orleans wrapped it on its way (a storage
/// provider's error reaches the grain inside an <see cref="OrleansException"/>).
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
}
