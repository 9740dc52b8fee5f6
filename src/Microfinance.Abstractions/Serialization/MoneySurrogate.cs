namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of an amount: whole fen.</summary>
[GenerateSerializer, Alias("mf.Money")]
public struct MoneySurrogate
{
    [Id(0)]
    public long Fen;
}
