namespace Microfinance.Abstractions.Loans;

/// <summary>One loan of an import batch that was not imported, and why.</summary>
/// <param name="LoanId">The loan.</param>
/// <param name="Reason">The stable reason code, e.g. <c>HOUSEHOLD_NOT_FOUND</c>.</param>
/// <param name="Message">What was wrong, in words.</param>
[GenerateSerializer, Immutable, Alias("mf.LoanImportRefusal")]
public sealed record LoanImportRefusal(
    [property: Id(0)] string LoanId,
    [property: Id(1)] string Reason,
    [property: Id(2)] string Message);
