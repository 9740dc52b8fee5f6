using Microfinance.Domain.Compensation;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of a claim's filing: the fields and ids its record had when it was itself serialized as <c>mf.ClaimFiling</c>.</summary>
[GenerateSerializer, Alias("mf.ClaimFiling.Surrogate")]
public struct ClaimFilingSurrogate
{
    [Id(0)]
    public string BankCode;

    [Id(1)]
    public LossCause Cause;

    [Id(2)]
    public string CauseDescription;

    [Id(3)]
    public IReadOnlyList<DunningAction> Dunning;

    [Id(4)]
    public CreditInsurance? Insurance;
}
