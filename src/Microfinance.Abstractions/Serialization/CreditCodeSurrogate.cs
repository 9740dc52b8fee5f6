namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of a unified social credit code: its 18 characters.</summary>
[GenerateSerializer, Alias("mf.CreditCode")]
public struct CreditCodeSurrogate
{
    [Id(0)]
    public string Value;
}
