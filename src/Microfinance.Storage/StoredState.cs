namespace Microfinance.Storage;

/// <summary>A row as read: its payload (null once cleared) and version.</summary>
internal sealed record StoredState(byte[]? Payload, long Version);
