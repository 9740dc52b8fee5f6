using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Lending;

/// <summary>
/// Loans to legal-person borrowers that drive poor households (篇1: "按签订带动协议的户数每户5000元
/// 计算，最高限额为50000元"; 第十条: the actual amount follows the number of households driven).
/// </summary>
public static class LegalPersonLoanSizing
{
    /// <summary>
    /// Checks <paramref name="amount"/> against the households it is lent for. The legal-person cap
    /// over all the borrower's loans is <see cref="LegalPersonCap"/>.
    /// </summary>
    /// <param name="drivenHouseholds">The driven households the loan counts: at application all of them, at approval those with cap room left.</param>
    /// <param name="skipped">Driven households left out for want of cap room, named in a refusal.</param>
    /// <exception cref="RuleViolationException"><c>NO_DRIVEN_HOUSEHOLDS</c> or <c>DRIVEN_HOUSEHOLD_AMOUNT_EXCEEDED</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    public static void Check(CountyPolicy policy, int drivenHouseholds, Money amount, IReadOnlyCollection<string>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(amount, Money.Zero);

        var leftOut = skipped is { Count: > 0 }
            ? $" Left out for want of household cap room: {string.Join(", ", skipped)}."
            : "";
        if (drivenHouseholds < 1)
        {
            throw new RuleViolationException(
                "NO_DRIVEN_HOUSEHOLDS",
                "A legal-person loan needs a driving agreement (带动协议) with at least one poor household." + leftOut);
        }

        var byHouseholds = new Money(checked(policy.LegalPersonAmountPerDrivenHousehold.Fen * drivenHouseholds));
        if (amount > byHouseholds)
        {
            throw new RuleViolationException(
                "DRIVEN_HOUSEHOLD_AMOUNT_EXCEEDED",
                $"{amount} is above {policy.LegalPersonAmountPerDrivenHousehold} for each of {drivenHouseholds} driven households ({byHouseholds}) under policy {policy.Name}." + leftOut);
        }
    }

    /// <summary>
    /// <paramref name="amount"/> attributed to each driven household, e.g. for subsidy at the
    /// benchmark rate "on the amount attributable to the driven households" (第二十七条): equal
    /// shares in fen, the remainder one fen each to the first households, summing exactly to the
    /// amount.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative or <paramref name="drivenHouseholds"/> is less than 1.</exception>
    public static IReadOnlyList<Money> SplitAcross(Money amount, int drivenHouseholds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, Money.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(drivenHouseholds, 1);

        var (share, remainder) = Math.DivRem(amount.Fen, drivenHouseholds);
        var shares = new Money[drivenHouseholds];
        for (var i = 0; i < drivenHouseholds; i++)
        {
            shares[i] = new Money(i < remainder ? share + 1 : share);
        }

        return shares;
    }
}
