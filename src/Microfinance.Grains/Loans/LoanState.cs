using Microfinance.Abstractions.Loans;

namespace Microfinance.Grains.Loans;

/// <summary>The persisted state of a loan grain.</summary>
[GenerateSerializer, Alias("mf.LoanState")]
public sealed class LoanState
{
    /// <summary>The loan, or null before it is applied for.</summary>
    [Id(0)]
    public LoanRecord? Record { get; set; }

    /// <summary>Every request id applied to the loan, so that no step is ever applied twice.</summary>
    [Id(1)]
    public HashSet<string> Requests { get; set; } = [];

    /// <summary>
    /// The sequence of the last repayment whose principal the household cap and the fund have
    /// taken; later ones are applied again on activation (they are idempotent by sequence).
    /// </summary>
    [Id(2)]
    public int RepaymentsApplied { get; set; }
}
