using Microfinance.Abstractions.Compensation;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Compensation;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Compensation;

/// <summary>
/// Approval and payout: the fund pays its share of the approved loss out of its balance, the bank
/// bears the rest, an insurer takes the fund's place; a fund too small leaves a shortfall owed by
/// the county budget; a payout lowers the leverage headroom.
/// </summary>
[Collection(CompensationCollection.Name)]
public sealed class ClaimPayoutTests(ClusterFixture fixture)
{
    private static readonly Money Principal = Money.FromYuan(40_000m);
    private static readonly Money FundDeposit = Money.FromYuan(100_000_000m);

    private IGrainFactory Grains => fixture.Client;

    private DateOnly TodayIn(LendingBranch branch) => fixture.TodayIn(branch.County);

    [Fact]
    public async Task TheFundPaysSeventyPercentOfTheLossAndTheBankBearsThirty()
    {
        var branch = await LendingBranch.CreateAsync(Grains, fundBalance: FundDeposit);
        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal);

        var paid = await ClaimSteps.CompensatedAsync(fixture, claim);

        // Loss 40,000.00 + 1,740.00 = 41,740.00; the fund 70% = 29,218.00, the bank 12,522.00.
        // The fund: 100,000,000.00 − 29,218.00 = 99,970,782.00.
        var position = await branch.Fund.GetPositionAsync();
        Assert.Equal(ClaimStatus.Compensated, paid.Status);
        Assert.Equal(new RiskShares(Money.FromYuan(29_218m), Money.FromYuan(12_522m), Money.Zero), paid.Shares);
        Assert.Equal((Money.FromYuan(29_218m), Money.Zero), (paid.PaidFromFund, paid.OwedByCountyBudget));
        Assert.Equal(Money.FromYuan(99_970_782m), position.Balance);
        Assert.Equal(new LedgerTotals(FundDeposit, Money.Zero, Money.Zero, Money.FromYuan(29_218m)), await LedgerTotals.OfAsync(branch.Fund));
        Assert.Equal(position.Balance, (await LedgerTotals.OfAsync(branch.Fund)).Balance);
    }

    [Fact]
    public async Task ACompensatedLoanLeavesTheBooksAndRefusesRepayments()
    {
        var branch = await LendingBranch.CreateAsync(Grains, fundBalance: FundDeposit);
        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal);
        var loan = Grains.GetGrain<ILoanGrain>(claim.GetPrimaryKeyString());

        await ClaimSteps.CompensatedAsync(fixture, claim);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => loan.RecordRepaymentAsync(TodayIn(branch), Money.FromYuan(1_000m), "柜员", "after-compensation"));
        var books = await Grains.GetGrain<ICountyBooksGrain>(branch.County.Value).GetAsync();
        Assert.Equal(LoanStage.Compensated, (await loan.GetAsync()).Stage);
        Assert.Equal("LOAN_COMPENSATED", refusal.Reason);
        Assert.Equal(Money.Zero, books.Tallies[$"village:{branch.Village.Value}"].Outstanding);
        Assert.Equal(Money.Zero, (await branch.Fund.GetPositionAsync()).Outstanding);
    }

    [Fact]
    public async Task AnInsuredLossIsSharedByTheInsurerAndTheBankAndTheFundPaysNothing()
    {
        var branch = await LendingBranch.CreateAsync(Grains, fundBalance: FundDeposit);
        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal, new CreditInsurance("中国人保财险", "PICC-2025-0418", 80m));

        var paid = await ClaimSteps.CompensatedAsync(fixture, claim);

        // The insurer 41,740.00 × 80% = 33,392.00; the bank 8,348.00. The fund keeps its balance
        // and no longer backs the loan's 40,000.00.
        var position = await branch.Fund.GetPositionAsync();
        Assert.Equal(new RiskShares(Money.Zero, Money.FromYuan(8_348m), Money.FromYuan(33_392m)), paid.Shares);
        Assert.Equal(Money.Zero, paid.PaidFromFund);
        Assert.Equal((FundDeposit, Money.Zero), (position.Balance, position.Outstanding));
    }

    [Fact]
    public async Task TheBankBearsTheTopUpAboveTheBaseCap()
    {
        var topUp = CountyPolicy.Default5321(new DateOnly(2020, 1, 1)) with { TopUpCap = Money.FromYuan(100_000m) };
        var branch = await LendingBranch.CreateAsync(Grains, policy: topUp, fundBalance: FundDeposit);
        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Money.FromYuan(80_000m));

        var paid = await ClaimSteps.CompensatedAsync(fixture, claim);

        // Loss 80,000.00 + 3,480.00 = 83,480.00; covered 50,000.00 + 3,480.00 × 50,000 / 80,000
        // = 52,175.00; the fund 70% = 36,522.50, the bank 83,480.00 − 36,522.50 = 46,957.50.
        Assert.Equal(new RiskShares(Money.FromYuan(36_522.50m), Money.FromYuan(46_957.50m), Money.Zero), paid.Shares);
    }

    [Fact]
    public async Task APayoutLargerThanTheFundEmptiesItAndTheCountyBudgetOwesTheRest()
    {
        var deposit = Money.FromYuan(10_000m);
        var branch = await LendingBranch.CreateAsync(Grains, fundBalance: deposit);
        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal);

        var paid = await ClaimSteps.CompensatedAsync(fixture, claim);

        // The fund's share 29,218.00 > its 10,000.00: it pays 10,000.00 and 19,218.00 is owed by
        // the county budget (第二十六条); 10,000.00 − 10,000.00 leaves the fund at 0, not below.
        var position = await branch.Fund.GetPositionAsync();
        Assert.Equal((Money.FromYuan(10_000m), Money.FromYuan(19_218m)), (paid.PaidFromFund, paid.OwedByCountyBudget));
        Assert.Equal(Money.Zero, position.Balance);
        Assert.Equal(new LedgerTotals(deposit, Money.Zero, Money.Zero, deposit), await LedgerTotals.OfAsync(branch.Fund));
    }

    [Fact]
    public async Task AfterAPayoutTheHeadroomIsGoneAndANewLoanIsRefused()
    {
        var (branch, newcomer) = await PaidOutBranchAsync();

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => newcomer.ApproveAsync(ClaimSteps.Rate, "信贷员", "approve"));

        // Balance 30,000.00 − 29,218.00 = 782.00, so 10 × 782.00 = 7,820.00 backs less than the
        // other loan's 40,000.00 still outstanding: no headroom.
        var position = await branch.Fund.GetPositionAsync();
        Assert.Equal("FUND_LEVERAGE_EXCEEDED", refusal.Reason);
        Assert.Equal((Money.FromYuan(782m), Money.FromYuan(40_000m), Money.Zero), (position.Balance, position.Outstanding, position.Headroom));
    }

    [Fact]
    public async Task ATopUpAfterThePayoutLetsTheNewLoanThrough()
    {
        var (branch, newcomer) = await PaidOutBranchAsync();
        await branch.Fund.RecordAsync(FundEntryKind.CountyDeposit, Money.FromYuan(20_000m), "县财政补充风险补偿金", "县财政局", "top-up");

        var approved = await newcomer.ApproveAsync(ClaimSteps.Rate, "信贷员", "approve-after-top-up");

        // Balance 782.00 + 20,000.00 = 20,782.00 backs 207,820.00; 40,000.00 outstanding and the
        // new 10,000.00 leave 157,820.00.
        var position = await branch.Fund.GetPositionAsync();
        Assert.Equal(LoanStage.Approved, approved.Stage);
        Assert.Equal(Money.FromYuan(157_820m), position.Headroom);
        Assert.Equal(position.Balance, (await LedgerTotals.OfAsync(branch.Fund)).Balance);
    }

    [Fact]
    public async Task ARetriedApprovalPaysOnce()
    {
        var branch = await LendingBranch.CreateAsync(Grains, fundBalance: FundDeposit);
        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal);
        var paid = await ClaimSteps.CompensatedAsync(fixture, claim);

        var retried = await claim.ApproveAsync("县金融扶贫领导小组〔2026〕3号", "领导小组", "approve");

        var ledger = await branch.Fund.GetLedgerAsync();
        Assert.Equal(paid.History.Count, retried.History.Count);
        Assert.Single(ledger, entry => entry.Kind == FundEntryKind.CompensationPayout);
    }

    [Fact]
    public async Task WhatTheBorrowerRepaidAfterFilingIsNotCompensated()
    {
        var branch = await LendingBranch.CreateAsync(Grains, fundBalance: FundDeposit);
        var loan = await ClaimSteps.UnpaidLoanAsync(fixture, branch, Principal);
        var record = await loan.GetAsync();
        var claim = Grains.GetGrain<ICompensationClaimGrain>(record.LoanId);
        await claim.FileAsync(ClaimSteps.Filing(ClaimSteps.SteadyDunning(record, TodayIn(branch))), "信贷员", "file");
        await loan.RecordRepaymentAsync(TodayIn(branch), Money.FromYuan(2_000m), "信贷员", "repay-after-filing");

        var paid = await ClaimSteps.CompensatedAsync(fixture, claim);

        // 2,000.00 paid the 1,740.00 interest and 260.00 principal: 41,740.00 − 2,000.00 = 39,740.00
        // approved; the fund 70% = 27,818.00, the bank 11,922.00. The fund no longer backs the
        // 39,740.00 left of the loan.
        var position = await branch.Fund.GetPositionAsync();
        Assert.Equal(new ClaimLoss(Money.FromYuan(39_740m), Money.Zero, Principal), paid.ApprovedLoss);
        Assert.Equal(new RiskShares(Money.FromYuan(27_818m), Money.FromYuan(11_922m), Money.Zero), paid.Shares);
        Assert.Equal(Money.Zero, position.Outstanding);
    }

    /// <summary>
    /// A fund of 30,000.00 backing two 40,000.00 loans, one compensated (the fund's share 29,218.00),
    /// and a third loan waiting for the bank's approval.
    /// </summary>
    private async Task<(LendingBranch Branch, ILoanGrain Newcomer)> PaidOutBranchAsync()
    {
        var branch = await LendingBranch.CreateAsync(Grains, fundBalance: Money.FromYuan(30_000m));
        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal);
        await ClaimSteps.UnpaidLoanAsync(fixture, branch, Principal, daysAgo: 0);
        await ClaimSteps.CompensatedAsync(fixture, claim);
        var newcomer = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), Money.FromYuan(10_000m));
        return (branch, newcomer);
    }
}
