using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of a loan's payment baseline: the fields and ids its record had when it was itself serialized as <c>mf.PaymentBaseline</c>.</summary>
[GenerateSerializer, Alias("mf.PaymentBaseline.Surrogate")]
public struct PaymentBaselineSurrogate
{
    [Id(0)]
    public DateOnly From;

    [Id(1)]
    public DateOnly InterestSettledOn;

    [Id(2)]
    public Money Principal;

    [Id(3)]
    public int RepaymentsBefore;
}
