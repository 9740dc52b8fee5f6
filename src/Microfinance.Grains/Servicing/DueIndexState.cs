namespace Microfinance.Grains.Servicing;

/// <summary>The persisted state of one county's due-date index for one day.</summary>
[GenerateSerializer, Alias("mf.DueIndexState")]
public sealed class DueIndexState
{
    /// <summary>The loan-book pages with a loan due a visit on the day.</summary>
    [Id(0)]
    public HashSet<string> Pages { get; set; } = [];

    /// <summary>Whether the day's close has listed the pages: later ones must file for a later day.</summary>
    [Id(1)]
    public bool Sealed { get; set; }
}
