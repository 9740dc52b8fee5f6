using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of an amount divided between the fund, the bank and an insurer.</summary>
[GenerateSerializer, Alias("mf.RiskShares")]
public struct RiskSharesSurrogate
{
    [Id(0)]
    public Money Fund;

    [Id(1)]
    public Money Bank;

    [Id(2)]
    public Money Insurer;
}
