using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// Where the loan's own payment record starts, for judging due dates met or missed: a renewal
/// starts a new contract, and a loan taken over from a bank's book arrives with its past summed up.
/// Due dates before <see cref="From"/> were judged then, once.
/// </summary>
/// <param name="From">The first day whose due dates the loan's repayments decide.</param>
/// <param name="InterestSettledOn">All interest before this date was paid at <see cref="From"/>.</param>
/// <param name="Principal">The principal outstanding at <see cref="From"/>.</param>
/// <param name="RepaymentsBefore">How many of the loan's repayments precede it.</param>
public sealed record PaymentBaseline(
    DateOnly From,
    DateOnly InterestSettledOn,
    Money Principal,
    int RepaymentsBefore);
