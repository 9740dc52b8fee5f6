namespace Microfinance.Grains.Servicing;

/// <summary>The persisted state of a bank's loan register in one county.</summary>
[GenerateSerializer, Alias("mf.LoanRegisterState")]
public sealed class LoanRegisterState
{
    [Id(0)]
    public HashSet<string> LoanIds { get; set; } = [];
}
