using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>How one repayment reported by a bank was applied, and what the loan still owes after it.</summary>
/// <param name="InterestPaid">The part of the payment applied to interest.</param>
/// <param name="PrincipalPaid">The part of the payment applied to principal.</param>
/// <param name="InterestStillDue">Interest due that the payment did not cover.</param>
/// <param name="PrincipalOutstanding">Principal still outstanding after the payment.</param>
public sealed record AllocatedRepayment(
    Money InterestPaid,
    Money PrincipalPaid,
    Money InterestStillDue,
    Money PrincipalOutstanding)
{
    /// <summary>The payment was everything owed: the loan closes (结清).</summary>
    public bool ClosesLoan => InterestStillDue.IsZero && PrincipalOutstanding.IsZero;
}
