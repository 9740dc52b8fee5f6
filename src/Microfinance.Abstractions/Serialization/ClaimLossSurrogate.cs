using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of a claim's principal-and-interest loss.</summary>
[GenerateSerializer, Alias("mf.ClaimLoss")]
public struct ClaimLossSurrogate
{
    [Id(0)]
    public Money Principal;

    [Id(1)]
    public Money Interest;

    [Id(2)]
    public Money FundBacked;
}
