namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of an administrative code: its 12 digits.</summary>
[GenerateSerializer, Alias("mf.AdminCode")]
public struct AdminCodeSurrogate
{
    [Id(0)]
    public string Value;
}
