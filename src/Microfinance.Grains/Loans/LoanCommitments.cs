using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.LegalPersons;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;

namespace Microfinance.Grains.Loans;

/// <summary>
/// The limits one loan holds a part of, each owned by its own grain: the borrowing households'
/// caps, the village quota (or, for a legal person, the township's legal-person share and the
/// borrower's own cap) and the fund's headroom. Every call is idempotent by loan id, so a step
/// interrupted half-way can simply be repeated.
/// </summary>
public sealed class LoanCommitments(IGrainFactory grains, Loan loan)
{
    private string LoanId => loan.Id;

    private Money FundBacked => loan.Approval?.FundBacked ?? Money.Zero;

    /// <summary>
    /// Reserves everything the loan needs, households first (their caps decide how much of the
    /// loan is fund-backed). Throws the first rule that refused; the caller releases.
    /// </summary>
    public async Task<LoanHoldings> ReserveAsync(CountyPolicy policy, DateTimeOffset expiresAt)
    {
        var (shares, charged) = await HouseholdSharesAsync(policy);
        var caps = await Task.WhenAll(shares.Select(share =>
            Household(share.Household).ReserveCapAsync(LoanId, share.Share, policy, expiresAt)));
        if (loan.Application.LegalPerson is not null)
        {
            await LegalPerson().ReserveCapAsync(LoanId, loan.Application.Amount, policy, expiresAt);
        }

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
        return new LoanHoldings(fundBacked, withinBaseCap, charged);
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
        var borrower = loan.Application.LegalPerson is not null ? LegalPerson().ConfirmCapAsync(LoanId) : Task.CompletedTask;
        return Task.WhenAll(households.Append(quota).Append(fund).Append(borrower));
    }

    /// <summary>
    /// Frees the principal a repayment paid at the household caps. The fund hears of it from the
    /// loan's page of the loan book, with the loan's next tally change.
    /// </summary>
    public Task RepayAsync(Repayment repayment)
    {
        var households = BorrowingHouseholds().ToList();
        var shares = LegalPersonLoanSizing.SplitAcross(repayment.PrincipalPaid, households.Count);
        var caps = households.Zip(shares).Select(pair => Household(pair.First).RepayCapAsync(LoanId, repayment.Sequence, pair.Second));
        var borrower = loan.Application.LegalPerson is not null
            ? LegalPerson().RepayCapAsync(LoanId, repayment.Sequence, repayment.PrincipalPaid)
            : Task.CompletedTask;
        return Task.WhenAll(caps.Append(borrower));
    }

    /// <summary>Releases whatever the loan holds; holding nothing is fine.</summary>
    public Task ReleaseAsync()
    {
        var households = BorrowingHouseholds().Select(household => Household(household).ReleaseCapAsync(LoanId));
        var quota = loan.Village is { } village
            ? grains.Get<IVillageGrain>(village.Value).ReleaseQuotaAsync(LoanId)
            : Township().ReleaseLegalPersonShareAsync(LoanId);
        var borrower = loan.Application.LegalPerson is not null ? LegalPerson().ReleaseCapAsync(LoanId) : Task.CompletedTask;
        return Task.WhenAll(households.Append(quota).Append(Fund().ReleaseAsync(LoanId)).Append(borrower));
    }

    /// <summary>
    /// A household borrows for itself. A legal-person loan is split across the driven households
    /// whose caps have room for a share (<see cref="DrivenHouseholdShares"/>), asked side by side.
    /// </summary>
    /// <returns>Each household's share, and for a legal-person loan its agreement narrowed to the households charged.</returns>
    private async Task<(IReadOnlyList<(string Household, Money Share)> Shares, DrivingAgreement? Charged)> HouseholdSharesAsync(CountyPolicy policy)
    {
        if (loan.Application.LegalPerson is not { } agreement)
        {
            return ([(loan.Application.Borrower, loan.Application.Amount)], null);
        }

        var rooms = await Task.WhenAll(agreement.DrivenHouseholds.Select(household => Household(household).CapRoomAsync(LoanId, policy)));
        var chosen = DrivenHouseholdShares.Choose(policy, loan.Application.Amount, [.. agreement.DrivenHouseholds.Zip(rooms)]);
        return (chosen.Counted, agreement with { DrivenHouseholds = [.. chosen.Counted.Select(share => share.Household)] });
    }

    /// <summary>
    /// The households the loan charges: the borrower, or the driven households its approval charged
    /// (every driven household before approval, and for a loan approved before the platform kept them).
    /// </summary>
    private IEnumerable<string> BorrowingHouseholds() =>
        (loan.Approval?.Charged ?? loan.Application.LegalPerson)?.DrivenHouseholds ?? [loan.Application.Borrower];

    private IHouseholdGrain Household(string registryNumber) => grains.Get<IHouseholdGrain>(registryNumber);

    private ILegalPersonGrain LegalPerson() => grains.Get<ILegalPersonGrain>(loan.Application.Borrower);

    private ITownshipGrain Township() => grains.Get<ITownshipGrain>(loan.Application.LegalPerson!.Township.Value);

    private IFundAccountGrain Fund() =>
        grains.Get<IFundAccountGrain>(FundAccountId.For(loan.County, loan.Application.BankCode));
}
