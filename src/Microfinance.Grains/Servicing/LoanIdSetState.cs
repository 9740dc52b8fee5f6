namespace Microfinance.Grains.Servicing;

/// <summary>The persisted state of a set of loan ids (a day's due-date index, a bank's loan register).</summary>
[GenerateSerializer, Alias("mf.LoanIdSetState")]
public sealed class LoanIdSetState
{
    [Id(0)]
    public HashSet<string> LoanIds { get; set; } = [];
}
