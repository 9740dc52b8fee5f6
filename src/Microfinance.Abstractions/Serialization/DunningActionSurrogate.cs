using Microfinance.Domain.Compensation;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of one entry of a bank's collection record.</summary>
[GenerateSerializer, Alias("mf.DunningAction")]
public struct DunningActionSurrogate
{
    [Id(0)]
    public DateOnly On;

    [Id(1)]
    public DunningMethod Method;

    [Id(2)]
    public string Note;
}
