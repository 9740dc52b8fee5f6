using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;

namespace Microfinance.Grains.Loans;

/// <summary>
/// The limits one loan holds a part of, each owned by its own grain: the borrowing households'
/// caps, the village quota (or the township's legal-person share) and the fund's headroom. Every
/// call is idempotent by loan id, so a step interrupted half-way can simply be repeated.
/// </summary>
public sealed class LoanCommitments(IGrainFactory grains, Loan loan)
{
    private string LoanId => loan.Id;

    private Money FundBacked => loan.Approval?.FundBacked ?? Money.Zero;

    /// <summary>
    /// Reserves everything the loan needs, households first (their caps decide how much of the
    /// loan is fund-backed). Throws the first rule that refused; the caller releases.
    /// </summary>
    /// <returns>The fund-backed principal, and the principal within the base cap.</returns>
    public async Task<(Money FundBacked, Money WithinBaseCap)> ReserveAsync(CountyPolicy policy, DateTimeOffset expiresAt)
    {
        var shares = HouseholdShares(policy);
        var caps = await Task.WhenAll(shares.Select(share =>
            Household(share.Household).ReserveCapAsync(LoanId, share.Amount, policy, expiresAt)));

        // The part above the base cap gets no risk compensation unless the policy says so (2021–).
        var withinBaseCap = new Money(caps.Sum(cap => cap.WithinBaseCap.Fen));
        var fundBacked = policy.TopUpCompensated ? loan.Application.Amount : withinBaseCap;
        var quota = loan.Village is { } village
            ? grains.Get<IVillageGrain>(village.Value).ReserveQuotaAsync(LoanId, loan.Application.Amount, expiresAt)
            : Township().ReserveLegalPersonShareAsync(
                LoanId, loan.Application.Amount, policy.LegalPersonShareOfTownshipQuotaPercent, expiresAt);
        var fund = fundBacked > Money.Zero
            ? Fund().ReserveAsync(LoanId, fundBacked, policy.LeverageMultiple, expiresAt)
            : Task.CompletedTask;
        await Task.WhenAll(quota, fund);
        return (fundBacked, withinBaseCap);
    }

    /// <summary>
    /// Turns every reservation into usage, once the loan's page of the loan book has taken the
    /// disbursement: the fund counts the principal from there.
    /// </summary>
    public Task ConfirmAsync()
    {
        var households = BorrowingHouseholds().Select(household => Household(household).ConfirmCapAsync(LoanId));
        var quota = loan.Village is { } village
            ? grains.Get<IVillageGrain>(village.Value).ConfirmQuotaAsync(LoanId)
            : Township().ConfirmLegalPersonShareAsync(LoanId);
        var fund = FundBacked > Money.Zero ? Fund().ConfirmAsync(LoanId) : Task.CompletedTask;
        return Task.WhenAll(households.Append(quota).Append(fund));
    }

    /// <summary>
    /// Frees the principal a repayment paid at the household caps. The fund hears of it from the
    /// loan's page of the loan book, with the loan's next tally change.
    /// </summary>
    public Task RepayAsync(Repayment repayment)
    {
        var households = BorrowingHouseholds().ToList();
        var shares = LegalPersonLoanSizing.SplitAcross(repayment.PrincipalPaid, households.Count);
        return Task.WhenAll(households.Zip(shares).Select(pair => Household(pair.First).RepayCapAsync(LoanId, repayment.Sequence, pair.Second)));
    }

    /// <summary>Releases whatever the loan holds; holding nothing is fine.</summary>
    public Task ReleaseAsync()
    {
        var households = BorrowingHouseholds().Select(household => Household(household).ReleaseCapAsync(LoanId));
        var quota = loan.Village is { } village
            ? grains.Get<IVillageGrain>(village.Value).ReleaseQuotaAsync(LoanId)
            : Township().ReleaseLegalPersonShareAsync(LoanId);
        return Task.WhenAll(households.Append(quota).Append(Fund().ReleaseAsync(LoanId)));
    }

    /// <summary>A household borrows for itself; a legal-person loan is split across its driven households.</summary>
    private IReadOnlyList<(string Household, Money Amount)> HouseholdShares(CountyPolicy policy)
    {
        if (loan.Application.LegalPerson is not { } agreement)
        {
            return [(loan.Application.Borrower, loan.Application.Amount)];
        }

        var amounts = LegalPersonLoanSizing.SplitAcross(loan.Application.Amount, agreement.DrivenHouseholds.Count);
        return agreement.DrivenHouseholds.Zip(amounts).ToList();
    }

    private IEnumerable<string> BorrowingHouseholds() =>
        loan.Application.LegalPerson?.DrivenHouseholds ?? [loan.Application.Borrower];

    private IHouseholdGrain Household(string registryNumber) => grains.Get<IHouseholdGrain>(registryNumber);

    private ITownshipGrain Township() => grains.Get<ITownshipGrain>(loan.Application.LegalPerson!.Township.Value);

    private IFundAccountGrain Fund() =>
        grains.Get<IFundAccountGrain>(FundAccountId.For(loan.County, loan.Application.BankCode));
}
