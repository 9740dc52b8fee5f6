namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of a household registry number.</summary>
[GenerateSerializer, Alias("mf.RegistryNumber")]
public struct RegistryNumberSurrogate
{
    [Id(0)]
    public string Value;
}
