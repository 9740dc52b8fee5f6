namespace Microfinance.Abstractions.Households;

/// <summary>How a loan weighs on its household's cap.</summary>
public enum HouseholdLoanStatus
{
    /// <summary>Applied for; commits nothing yet.</summary>
    Applied = 1,

    /// <summary>Approved: its principal is reserved against the cap.</summary>
    Reserved = 2,

    /// <summary>Disbursed: its principal is outstanding.</summary>
    Disbursed = 3,

    /// <summary>Rejected, withdrawn or expired: commits nothing.</summary>
    Released = 4,
}
