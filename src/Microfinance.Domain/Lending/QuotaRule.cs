using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Lending;

/// <summary>
/// A bank never lends above the quota ("不得在范围以外和超指标限额投放"): whatever is committed
/// against an allocation, plus the new amount, stays within it.
/// </summary>
public static class QuotaRule
{
    /// <param name="reason">The reason to report, e.g. <c>VILLAGE_QUOTA_EXCEEDED</c> or <c>LEGAL_PERSON_SHARE_EXCEEDED</c>.</param>
    /// <exception cref="RuleViolationException">With <paramref name="reason"/>, when the allocation would be exceeded.</exception>
    public static void CheckRoom(Money allocated, Money committed, Money amount, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);

        if (committed + amount > allocated)
        {
            throw new RuleViolationException(
                reason,
                $"{amount} would bring the committed total to {committed + amount}, above the allocated {allocated}; {Money.Max(allocated - committed, Money.Zero)} remains.");
        }
    }
}
