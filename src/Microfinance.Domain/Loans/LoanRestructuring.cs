using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Loans;

/// <summary>A change to a disbursed loan's contract: an extension, a renewal or a county deferral.</summary>
/// <param name="Sequence">1 for the loan's first restructuring.</param>
/// <param name="Kind">What changed.</param>
/// <param name="On">The business date it took effect.</param>
/// <param name="Months">Extension: months added; renewal: the new contract's term; deferral: months the due dates moved.</param>
/// <param name="Rating">The bank's new rating of the borrower (extension, renewal); empty for a deferral.</param>
/// <param name="RateBefore">The contract rate until <paramref name="On"/>.</param>
/// <param name="Rate">The contract rate from <paramref name="On"/> (changes only with a renewal).</param>
/// <param name="MaturityBefore">The maturity date before the change.</param>
/// <param name="MaturityAfter">The maturity date after it.</param>
/// <param name="DeferralId">The county deferral applied; null for an extension or a renewal.</param>
/// <param name="Actor">Who made it.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="PrincipalOutstanding">The principal outstanding when it took effect.</param>
/// <param name="RepaymentsBefore">How many repayments the loan had recorded by then: a renewed contract's own start after them.</param>
public sealed record LoanRestructuring(
    int Sequence,
    RestructuringKind Kind,
    DateOnly On,
    int Months,
    string Rating,
    InterestRate RateBefore,
    InterestRate Rate,
    DateOnly MaturityBefore,
    DateOnly MaturityAfter,
    string? DeferralId,
    string Actor,
    DateTimeOffset RecordedAt,
    Money PrincipalOutstanding,
    int RepaymentsBefore);
