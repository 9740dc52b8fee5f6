namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of an annual interest rate: basis points.</summary>
[GenerateSerializer, Alias("mf.InterestRate")]
public struct InterestRateSurrogate
{
    [Id(0)]
    public int BasisPoints;
}
