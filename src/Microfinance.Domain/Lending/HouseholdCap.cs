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
    /// the household cap (or the top-up cap when the policy has one) and within the household's
    /// credit line when the policy sets lines, and says how much of <paramref name="amount"/> lies
    /// within the base cap and how much above it.
    /// </summary>
    /// <param name="alreadyCommitted">Reserved plus outstanding principal of the household's other poverty loans.</param>
    /// <param name="household">The household's registry number, named in a refusal: a legal-person loan charges several.</param>
    /// <param name="creditLine">The household's line under the policy's credit lines (<see cref="CreditLineTable.LineFor"/>); null without lines.</param>
    /// <exception cref="RuleViolationException"><c>HOUSEHOLD_CAP_EXCEEDED</c> or <c>CREDIT_LINE_EXCEEDED</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive or <paramref name="alreadyCommitted"/> is negative.</exception>
    public static CapSplit Split(CountyPolicy policy, Money alreadyCommitted, Money amount, string household = "", Money? creditLine = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(amount, Money.Zero);

        var whose = household.Length > 0 ? $"Household {household}'s total" : "The household total";
        var capRoom = Room(policy, alreadyCommitted);
        if (amount > capRoom)
        {
            var kind = policy.TopUpCap is null ? "household cap" : "household top-up cap";
            throw new RuleViolationException(
                "HOUSEHOLD_CAP_EXCEEDED",
                $"{whose} would be {alreadyCommitted + amount}, above the {kind} of {policy.TopUpCap ?? policy.HouseholdCap} under policy {policy.Name}; {alreadyCommitted} is already committed, {capRoom} remains.");
        }

        if (creditLine is { } line && alreadyCommitted + amount > line)
        {
            throw new RuleViolationException(
                "CREDIT_LINE_EXCEEDED",
                $"{whose} would be {alreadyCommitted + amount}, above its credit line (授信额度) of {line} for its star rating under policy {policy.Name}; {alreadyCommitted} is already committed, {Room(policy, alreadyCommitted, creditLine)} remains.");
        }

        var roomWithinBase = Money.Max(policy.HouseholdCap - alreadyCommitted, Money.Zero);
        var within = Money.Min(roomWithinBase, amount);
        return new CapSplit(within, amount - within);
    }

    /// <summary>
    /// How much more the household may borrow: its cap (or top-up cap), or its credit line when
    /// lower, less what it has committed; never below zero.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alreadyCommitted"/> is negative.</exception>
    public static Money Room(CountyPolicy policy, Money alreadyCommitted, Money? creditLine = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(alreadyCommitted, Money.Zero);
        var limit = policy.TopUpCap ?? policy.HouseholdCap;
        return Money.Max((creditLine is { } line ? Money.Min(limit, line) : limit) - alreadyCommitted, Money.Zero);
    }
}
