namespace Microfinance.Domain.Loans;

/// <summary>A loan after one step of its life, and the day on which day-close should next look at it, if the step set one.</summary>
/// <param name="Loan">The loan after the step.</param>
/// <param name="Visit">The day its standing can next change, for the due-date index; null when the step leaves that as it was.</param>
public sealed record LoanStep(Loan Loan, DateOnly? Visit);
