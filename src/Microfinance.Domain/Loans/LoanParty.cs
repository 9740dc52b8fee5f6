namespace Microfinance.Domain.Loans;

/// <summary>Who acts on a loan at each step of the review chain.</summary>
public enum LoanParty
{
    /// <summary>The borrower: applies and may withdraw.</summary>
    Borrower = 1,

    /// <summary>村委会: first review.</summary>
    Village = 2,

    /// <summary>乡镇: review.</summary>
    Township = 3,

    /// <summary>县: re-check.</summary>
    County = 4,

    /// <summary>合作银行: decides and disburses.</summary>
    Bank = 5,
}
