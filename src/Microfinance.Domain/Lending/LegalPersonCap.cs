using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Lending;

/// <summary>
/// The legal-person cap (篇1: "最高限额为50000元"): a limit on what one borrower owes, so it is taken
/// over everything the borrower has outstanding or reserved across all its loans, not per loan.
/// </summary>
public static class LegalPersonCap
{
    /// <summary>Checks that <paramref name="alreadyCommitted"/> plus <paramref name="amount"/> stays within the cap.</summary>
    /// <param name="alreadyCommitted">Reserved plus outstanding principal of the borrower's other loans.</param>
    /// <exception cref="RuleViolationException"><c>LEGAL_PERSON_CAP_EXCEEDED</c></exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive or <paramref name="alreadyCommitted"/> is negative.</exception>
    public static void Check(CountyPolicy policy, Money alreadyCommitted, Money amount)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(alreadyCommitted, Money.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(amount, Money.Zero);

        var total = alreadyCommitted + amount;
        if (total > policy.LegalPersonCap)
        {
            throw new RuleViolationException(
                "LEGAL_PERSON_CAP_EXCEEDED",
                $"The borrower's total would be {total}, above the legal-person cap of {policy.LegalPersonCap} under policy {policy.Name}; {alreadyCommitted} is already committed, {Money.Max(policy.LegalPersonCap - alreadyCommitted, Money.Zero)} remains.");
        }
    }
}
