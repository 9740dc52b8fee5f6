namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of a loan's credit insurance.</summary>
[GenerateSerializer, Alias("mf.CreditInsurance")]
public struct CreditInsuranceSurrogate
{
    [Id(0)]
    public string Insurer;

    [Id(1)]
    public string PolicyNumber;

    [Id(2)]
    public decimal CoverPercent;
}
