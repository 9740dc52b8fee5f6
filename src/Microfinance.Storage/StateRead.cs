namespace Microfinance.Storage;

/// <summary>One grain's read of its state.</summary>
internal sealed record StateRead(RowKey Key) : IBatchedRequest
{
    public int PayloadBytes => 0;
}
