using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of a loan's balance.</summary>
[GenerateSerializer, Alias("mf.LoanBalance")]
public struct LoanBalanceSurrogate
{
    [Id(0)]
    public Money Principal;

    [Id(1)]
    public Money UnpaidInterest;

    [Id(2)]
    public DateOnly AccruedThrough;

    [Id(3)]
    public DateOnly InterestPaidThrough;
}
