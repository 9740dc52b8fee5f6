namespace Microfinance.Storage;

/// <summary>A request that can share a batch with others.</summary>
internal interface IBatchedRequest
{
    /// <summary>The row it concerns: a batch holds at most one request per row.</summary>
    RowKey Key { get; }

    /// <summary>Bytes it adds to the batch, for the batch's size limit.</summary>
    int PayloadBytes { get; }
}
