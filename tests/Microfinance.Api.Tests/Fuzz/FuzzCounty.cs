namespace Microfinance.Api.Tests.Fuzz;

/// <summary>The keys of a county set up for fuzzing, which plausible requests aim at.</summary>
public sealed record FuzzCounty(
    string County,
    string Township,
    string Village,
    string FundId,
    IReadOnlyList<string> LoanIds,
    IReadOnlyList<string> RegistryNumbers,
    string CreditCode,
    string Today);
