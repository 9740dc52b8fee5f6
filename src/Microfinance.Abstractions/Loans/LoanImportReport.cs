namespace Microfinance.Abstractions.Loans;

/// <summary>What one batch of a loan-book import did.</summary>
/// <param name="Imported">Loans of the batch now on the platform (including those a replay found imported).</param>
/// <param name="Refused">Loans refused, each with its reason.</param>
[GenerateSerializer, Immutable, Alias("mf.LoanImportReport")]
public sealed record LoanImportReport(
    [property: Id(0)] int Imported,
    [property: Id(1)] IReadOnlyList<LoanImportRefusal> Refused);
