namespace Microfinance.Silo.Security;

/// <summary>How a rule relates the region a request touches to the caller's areas.</summary>
public enum Reach
{
    /// <summary>The region must lie within one of the caller's areas.</summary>
    Within,

    /// <summary>
    /// The region may also enclose one of the caller's areas: a village officer reads its
    /// county's lending terms and the names of the regions above it.
    /// </summary>
    WithinOrAbove,
}
