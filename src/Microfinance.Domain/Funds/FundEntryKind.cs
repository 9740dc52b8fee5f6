namespace Microfinance.Domain.Funds;

/// <summary>The kinds of movement on a risk-compensation fund's ledger (风险补偿金专户).</summary>
public enum FundEntryKind
{
    /// <summary>Money from the province or above (e.g. the 4M "from above" in 第五条).</summary>
    ProvincialDeposit = 1,

    /// <summary>Money from the county budget.</summary>
    CountyDeposit = 2,

    /// <summary>Deposit interest, which is added to the fund (第五条).</summary>
    InterestCredit = 3,

    /// <summary>The fund's share of an approved compensation claim, paid to the bank (第二十条 (四)); a negative amount.</summary>
    CompensationPayout = 4,

    /// <summary>The fund's part of money recovered after compensation (第二十三条).</summary>
    Recovery = 5,
}
