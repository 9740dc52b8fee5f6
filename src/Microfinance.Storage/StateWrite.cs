namespace Microfinance.Storage;

/// <summary>One grain's write, clear or delete, checked against the version the grain last saw.</summary>
/// <param name="Key">The row.</param>
/// <param name="ExpectedVersion">The version the grain read or last wrote; null if it has seen no row.</param>
/// <param name="Payload">The serialized state; null to clear it (the row and its version stay).</param>
/// <param name="Delete">Remove the row instead of clearing it.</param>
internal sealed record StateWrite(RowKey Key, long? ExpectedVersion, byte[]? Payload, bool Delete) : IBatchedRequest
{
    public int PayloadBytes => Payload?.Length ?? 0;
}
