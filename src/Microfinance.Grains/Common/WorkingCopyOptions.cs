namespace Microfinance.Grains.Common;

/// <summary>How <see cref="WorkingCopy{T}"/> hands state to the silo's grain storage.</summary>
public sealed class WorkingCopyOptions
{
    /// <summary>
    /// Whether each write hands storage a deep copy taken in the grain's turn. Needed when the
    /// provider serializes off the grain's scheduler (the ADO.NET provider does, once a write waits
    /// for a connection); a provider that serializes on the grain's scheduler, before its first
    /// await, sees no turn change the state meanwhile and needs no copy.
    /// </summary>
    public bool CopyBeforeWrite { get; set; } = true;
}
