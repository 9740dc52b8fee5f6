using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>A repayment as far as meeting due dates goes.</summary>
/// <param name="PaidOn">The date the borrower paid (not the date the bank reported it).</param>
/// <param name="PrincipalPaid">The principal it repaid.</param>
/// <param name="InterestSettled">Whether it left no interest owed: all interest before <paramref name="PaidOn"/> paid.</param>
public sealed record DatedPayment(DateOnly PaidOn, Money PrincipalPaid, bool InterestSettled);
