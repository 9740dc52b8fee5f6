namespace Microfinance.Abstractions.Loans;

/// <summary>
/// Brings a bank's existing loans in one county onto the platform (存量贷款迁移), a batch at a time;
/// keyed by the county's 12-digit code. Afterwards each loan is a disbursed loan like one originated
/// here: serviced, aged by day-close, tallied on the county's books and listed for subsidy.
/// </summary>
/// <remarks>
/// The household cap and the fund account (through the loan book) take over each loan's
/// outstanding principal without checking them: the money is already lent, and a household or fund over its limit just gets no
/// new loan until it is back within. The village quota is left alone: it allocates a lending
/// year's new loans, and these were lent under allocations of their own years.
/// </remarks>
public interface ILoanBookImportGrain : IGrainWithStringKey
{
    /// <summary>
    /// Imports the batch: every loan on its own grain, then one call each to the households and the
    /// pages of the county's loan book (with its due-date index). A loan
    /// refused for a business reason (or not in this county: <c>LOAN_OUTSIDE_COUNTY</c>; or twice in
    /// the batch: <c>LOAN_REPEATED_IN_BATCH</c>) is reported and the others go on. A batch that failed
    /// part-way is imported again with the same request id, which completes it.
    /// </summary>
    Task<LoanImportReport> ImportAsync(IReadOnlyList<ImportedLoan> loans, string actor, string requestId);
}
