namespace Microfinance.Abstractions.Loans;

/// <summary>
/// The take-over of a loan a bank disbursed before the platform knew it (存量贷款迁移), on the loan
/// grain of the same id (the same grain as <see cref="ILoanGrain"/>). <see cref="ILoanBookImportGrain"/>
/// drives it for a batch of a county's loans; afterwards the loan is serviced like any other.
/// </summary>
public interface ILoanImportGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the loan as disbursed: the schedule rebuilt from its contract, the balance at the
    /// cut-over (principal repaid before it as one repayment), the county policy in force on its
    /// disbursement date, and its overdue standing as of today. Fails with
    /// <c>LOAN_ALREADY_EXISTS</c>, <c>HOUSEHOLD_NOT_FOUND</c>, <c>HOUSEHOLD_OUTSIDE_VILLAGE</c>,
    /// <c>FUND_ACCOUNT_NOT_FOUND</c>, <c>NO_POLICY_IN_FORCE</c> or <c>IMPORTED_LOAN_INCONSISTENT</c>. Replaying the request id
    /// records nothing and returns the outcome again, with what the books have not yet been told.
    /// </summary>
    Task<LoanImportOutcome> ImportAsync(ImportedLoan loan, string actor, string requestId);

    /// <summary>
    /// The books and the due-date index have the outcome's delta and first visit: the loan stops
    /// holding them for delivery. Repeating it changes nothing.
    /// </summary>
    Task CompleteImportAsync(LoanImportOutcome outcome);
}
