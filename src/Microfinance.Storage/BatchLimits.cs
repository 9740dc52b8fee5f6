namespace Microfinance.Storage;

/// <summary>How much one batch may carry, and how many batches may be in flight at once.</summary>
/// <param name="MaxRequests">Requests per batch.</param>
/// <param name="MaxPayloadBytes">Payload bytes per batch; a single larger request still goes, alone.</param>
/// <param name="MaxInFlight">Batches sent and not yet answered, each on a connection of its own.</param>
internal sealed record BatchLimits(int MaxRequests, long MaxPayloadBytes, int MaxInFlight);
