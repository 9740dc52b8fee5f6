using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>One loan's interest subsidy for one month, with the interest it was computed from.</summary>
/// <param name="InterestAccrued">All interest accrued on the loan in the month, rounded to the fen.</param>
/// <param name="SubsidisableInterest">
/// The part of it the policy subsidises: on principal within the base cap (unless top-ups are
/// subsidised) and before any missed due date; rounded to the fen.
/// </param>
/// <param name="Subsidy">
/// The subsidy share of the subsidisable interest, rounded to the fen once, from the exact accrual —
/// so it can differ by a fen from the rounded <paramref name="SubsidisableInterest"/> times the share.
/// </param>
public sealed record MonthlySubsidy(Money InterestAccrued, Money SubsidisableInterest, Money Subsidy);
