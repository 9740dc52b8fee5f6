namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of a resident id: its 18 characters.</summary>
[GenerateSerializer, Alias("mf.ResidentId")]
public struct ResidentIdSurrogate
{
    [Id(0)]
    public string Value;
}
