using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// The principal outstanding from <see cref="From"/> (inclusive) until the next balance takes
/// effect: the disbursement, and then each principal repayment, starts a new balance on its date.
/// A balance of zero marks the loan repaid.
/// </summary>
/// <remarks>
/// Interest is counted 算头不算尾, so the balance that takes effect on a repayment date is the one
/// that accrues on that date: the disbursement day accrues, the repayment day accrues only on what
/// remains.
/// </remarks>
public sealed record PrincipalBalance(DateOnly From, Money Outstanding);
