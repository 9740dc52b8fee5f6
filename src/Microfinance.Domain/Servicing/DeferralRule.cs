using Microfinance.Domain.Errors;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// A county's disaster or epidemic deferral (2020: repayments deferred up to six months): what falls
/// due in a window is due some months later, without becoming overdue.
/// </summary>
public static class DeferralRule
{
    /// <exception cref="RuleViolationException"><c>DEFERRAL_TOO_LONG</c> or <c>DEFERRAL_WINDOW_INVALID</c>.</exception>
    public static void Check(CountyPolicy policy, DateOnly from, DateOnly through, int months)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (through < from)
        {
            throw new RuleViolationException(
                "DEFERRAL_WINDOW_INVALID", $"The deferral window ends on {through:yyyy-MM-dd}, before it starts on {from:yyyy-MM-dd}.");
        }

        if (policy.MaxDeferralMonths == 0)
        {
            throw new RuleViolationException("DEFERRAL_TOO_LONG", $"Policy {policy.Name} allows no deferral of repayments.");
        }

        if (months < 1 || months > policy.MaxDeferralMonths)
        {
            throw new RuleViolationException(
                "DEFERRAL_TOO_LONG", $"A deferral of {months} months is outside 1 to {policy.MaxDeferralMonths} months (policy {policy.Name}).");
        }
    }
}
