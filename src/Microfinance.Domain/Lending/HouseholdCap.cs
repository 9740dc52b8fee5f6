using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Lending;

/// <summary>
/// The household cap (5万元以下, shared by all borrowers of a household since 2019). Because
/// several overlapping loans raise default risk (一户多贷), the total is taken over everything the
/// household owes or has reserved, across all its loans and banks.
/// </summary>
public static class HouseholdCap
{
    /// <summary>
    /// Checks that <paramref name="alreadyCommitted"/> plus <paramref name="amount"/> stays within
    /// the household cap, or within the top-up cap when the policy has one, and says how much of
    /// <paramref name="amount"/> lies within the base cap and how much above it.
    /// </summary>
    /// <param name="alreadyCommitted">Reserved plus outstanding principal of the household's other poverty loans.</param>
    /// <exception cref="RuleViolationException"><c>HOUSEHOLD_CAP_EXCEEDED</c></exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive or <paramref name="alreadyCommitted"/> is negative.</exception>
    public static CapSplit Split(CountyPolicy policy, Money alreadyCommitted, Money amount)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(alreadyCommitted, Money.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(amount, Money.Zero);

        var limit = policy.TopUpCap ?? policy.HouseholdCap;
        var total = alreadyCommitted + amount;
        if (total > limit)
        {
            var kind = policy.TopUpCap is null ? "household cap" : "household top-up cap";
            throw new RuleViolationException(
                "HOUSEHOLD_CAP_EXCEEDED",
                $"The household total would be {total}, above the {kind} of {limit} under policy {policy.Name}; {alreadyCommitted} is already committed, {Money.Max(limit - alreadyCommitted, Money.Zero)} remains.");
        }

        var roomWithinBase = Money.Max(policy.HouseholdCap - alreadyCommitted, Money.Zero);
        var within = Money.Min(roomWithinBase, amount);
        return new CapSplit(within, amount - within);
    }
}
