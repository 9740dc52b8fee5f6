namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of a claim's public notice.</summary>
[GenerateSerializer, Alias("mf.NoticePeriod")]
public struct NoticePeriodSurrogate
{
    [Id(0)]
    public DateOnly PostedOn;

    [Id(1)]
    public int Days;
}
