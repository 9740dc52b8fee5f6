namespace Microfinance.Abstractions.Households;

/// <summary>How a household holds a resident id it claimed: as its head's or as a member's.</summary>
public enum ClaimHolding
{
    /// <summary>Not at all: a claim naming the household is stale (left by an interrupted change).</summary>
    None,
    Head,
    Member,
}
