using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Lending;

/// <summary>
/// The contract rate against the reference rate: "基准利率放贷" and "不得上浮" — unless the policy
/// lets it float up, a contract may not be priced above the reference for its date and term.
/// </summary>
public static class RateRule
{
    /// <exception cref="RuleViolationException"><c>RATE_ABOVE_REFERENCE</c></exception>
    public static void CheckContractRate(CountyPolicy policy, InterestRate reference, InterestRate contract)
    {
        ArgumentNullException.ThrowIfNull(policy);

        if (contract > reference && !policy.RateMayFloatUp)
        {
            throw new RuleViolationException(
                "RATE_ABOVE_REFERENCE",
                $"Contract rate {contract} is above the {policy.InterestSource} reference rate {reference}; policy {policy.Name} does not let it float up (不得上浮).");
        }
    }
}
