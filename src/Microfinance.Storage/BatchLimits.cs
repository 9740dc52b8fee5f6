namespace Microfinance.Storage;

/// <summary>How much one batch may carry. A single request larger than the byte limit still goes, alone.</summary>
/// <param name="MaxRequests">Requests per batch.</param>
/// <param name="MaxPayloadBytes">Payload bytes per batch.</param>
internal sealed record BatchLimits(int MaxRequests, long MaxPayloadBytes);
