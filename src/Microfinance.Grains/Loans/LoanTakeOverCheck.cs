using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Policies;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Servicing;

namespace Microfinance.Grains.Loans;

/// <summary>
/// A loan of a bank's existing book (存量贷款迁移), checked before the platform takes it over: a
/// plausible contract and balance, a borrower registered in the loan's village, a fund account of
/// the bank in the county; and what its approval would have fixed, under the policy in force on the
/// day the money went out (the loan keeps the policy it was lent under).
/// </summary>
public sealed class LoanTakeOverCheck(IGrainFactory grains)
{
    /// <returns>What was applied for, and what the approval fixed.</returns>
    public async Task<(LoanApplication Application, LoanApproval Approval)> CheckAsync(ImportedLoan loan, DateOnly today)
    {
        ExistingLoan.Check(loan.Amount, loan.TermMonths, loan.DisbursedOn, loan.Balance, loan.WithinBaseCap, today);
        var county = loan.Village.County;
        var household = await grains.Get<IHouseholdGrain>(loan.Household).GetAsync();
        if (household.Village != loan.Village)
        {
            throw new RuleViolationException(
                "HOUSEHOLD_OUTSIDE_VILLAGE", $"Household {loan.Household} is registered in village {household.Village}, not {loan.Village}.");
        }

        await grains.Get<IFundAccountGrain>(FundAccountId.For(county, loan.BankCode)).GetPositionAsync();
        var policy = (await grains.Get<ICountyPolicyGrain>(county.Value).GetLendingTermsAsync(loan.DisbursedOn)).Policy;
        var fundBacked = policy.TopUpCompensated ? loan.Amount : loan.WithinBaseCap;
        var application = new LoanApplication(loan.Household, loan.BankCode, loan.Amount, loan.TermMonths, loan.Purpose, loan.Industry, null);
        return (application, new LoanApproval(policy, loan.ContractRate, loan.RepaymentTerms, fundBacked, loan.WithinBaseCap, null, null, null));
    }
}
