namespace Microfinance.Grains.Servicing;

/// <summary>The persisted state of one county-day of the due-date index.</summary>
[GenerateSerializer, Alias("mf.DueIndexState")]
public sealed class DueIndexState
{
    [Id(0)]
    public HashSet<string> LoanIds { get; set; } = [];
}
