using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Lending;

/// <summary>
/// Which driven households a legal-person loan is charged to, and for how much. The loan is sized
/// by the households it drives (第十条, 篇1: 5,000 yuan each) and each one's share counts against its
/// own household cap (一户多贷). A household whose cap has no room left for its share does not count
/// toward the loan's size and is not charged: one household that borrowed its full 50,000 elsewhere
/// does not sink the cooperative's loan for the others.
/// </summary>
/// <param name="Counted">The households charged, each with its share; the shares sum to the loan's amount.</param>
/// <param name="Skipped">The households left out, in the agreement's order.</param>
public sealed record DrivenHouseholdShares(IReadOnlyList<(string Household, Money Share)> Counted, IReadOnlyList<string> Skipped)
{
    /// <summary>
    /// Splits <paramref name="amount"/> equally (<see cref="LegalPersonLoanSizing.SplitAcross"/>) over
    /// the households whose room covers their share, leaving out those whose room does not; each
    /// household left out raises the others' shares, so the split is repeated until every share fits.
    /// The loan must then be within the per-household amount of the households counted.
    /// </summary>
    /// <param name="rooms">Each driven household, in the agreement's order, with the room its cap has left.</param>
    /// <exception cref="Errors.RuleViolationException">
    /// <c>NO_DRIVEN_HOUSEHOLDS</c> when none has room, or <c>DRIVEN_HOUSEHOLD_AMOUNT_EXCEEDED</c>; both name the households left out.
    /// </exception>
    public static DrivenHouseholdShares Choose(CountyPolicy policy, Money amount, IReadOnlyList<(string Household, Money Room)> rooms)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(rooms);

        var counted = rooms.ToList();
        while (counted.Count > 0)
        {
            var shares = LegalPersonLoanSizing.SplitAcross(amount, counted.Count);
            var fitting = counted.Zip(shares).Where(pair => pair.First.Room >= pair.Second).ToList();
            if (fitting.Count == counted.Count)
            {
                break;
            }

            counted = [.. fitting.Select(pair => pair.First)];
        }

        var chargedHouseholds = counted.Select(entry => entry.Household).ToHashSet();
        var skipped = rooms.Select(entry => entry.Household).Where(household => !chargedHouseholds.Contains(household)).ToList();
        LegalPersonLoanSizing.Check(policy, counted.Count, amount, skipped);
        var charged = counted.Zip(LegalPersonLoanSizing.SplitAcross(amount, counted.Count), (entry, share) => (entry.Household, share)).ToList();
        return new DrivenHouseholdShares(charged, skipped);
    }
}
