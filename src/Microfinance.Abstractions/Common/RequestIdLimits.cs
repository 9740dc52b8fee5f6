namespace Microfinance.Abstractions.Common;

/// <summary>Limits shared by every idempotent grain method.</summary>
public static class RequestIdLimits
{
    /// <summary>Longest request id accepted (AIP-155 suggests a UUID: 36 characters).</summary>
    public const int MaxLength = 64;
}
