using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Servicing;

/// <summary>
/// The county's loan book in pages: each loan's tally changes taken once by sequence however late
/// they come again, the county's tallies as the sum of the pages, and the due-date index of pages.
/// </summary>
[Collection(DayCloseCollection.Name)]
public sealed class LoanBookTests(ClusterFixture fixture)
{
    private static readonly InterestRate Rate = new(435);

    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AChangeDeliveredAgainAWeekLaterIsNotCountedTwice()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var (loanId, record) = await DisburseAsync(branch, Money.FromYuan(10_000m));
        var page = Grains.GetGrain<ILoanBookGrain>(PageOf(branch, record).ToString());
        var books = Grains.GetGrain<ICountyBooksGrain>(branch.County.Value);
        var before = await books.GetAsync();

        fixture.MoveTo(fixture.Today.AddDays(7));
        await page.RecordAsync([Disbursed(branch, loanId, record.Application.Amount)], []);

        var after = await books.GetAsync();
        Assert.Equal(1, after.Tallies["county"].Loans[OverdueBucket.Current]);
        Assert.Equal(Money.FromYuan(10_000m), after.Tallies["county"].Principal[OverdueBucket.Current]);
        Assert.Equal(before.Revision, after.Revision);
    }

    [Fact]
    public async Task ARepaymentDeliveredAgainAWeekLaterFreesTheFundOnce()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var (loanId, record) = await DisburseAsync(branch, Money.FromYuan(10_000m));
        var loan = Grains.GetGrain<ILoanGrain>(loanId);
        var interest = record.Balance!.InterestDueOn(Rate, fixture.Today);
        await loan.RecordRepaymentAsync(fixture.Today, Money.FromYuan(4_000m) + interest, "信贷员", "repay");
        var repaid = (await branch.Fund.GetPositionAsync()).Outstanding;

        fixture.MoveTo(fixture.Today.AddDays(7));
        var left = new TallyContribution(OverdueBucket.Current, Money.FromYuan(6_000m), Money.FromYuan(6_000m));
        await Grains.GetGrain<ILoanBookGrain>(PageOf(branch, record).ToString())
            .RecordAsync([Delta(branch, loanId, 2, new TallyContribution(OverdueBucket.Current, Money.FromYuan(10_000m), Money.FromYuan(10_000m)), left)], []);

        Assert.Equal(Money.FromYuan(6_000m), repaid);
        Assert.Equal(repaid, (await branch.Fund.GetPositionAsync()).Outstanding);
    }

    [Fact]
    public async Task AnOlderChangeArrivingAfterANewerOneChangesNothing()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var (loanId, record) = await DisburseAsync(branch, Money.FromYuan(10_000m));
        var page = Grains.GetGrain<ILoanBookGrain>(PageOf(branch, record).ToString());
        var aged = new TallyContribution(OverdueBucket.Days1To30, Money.FromYuan(10_000m), Money.FromYuan(10_000m));
        var current = new TallyContribution(OverdueBucket.Current, Money.FromYuan(10_000m), Money.FromYuan(10_000m));

        await page.RecordAsync([Delta(branch, loanId, 3, current, aged)], []);
        await page.RecordAsync([Delta(branch, loanId, 2, null, current)], []);

        var tally = (await page.GetTallyAsync()).Figures;
        Assert.Equal(0, tally.Loans[OverdueBucket.Current]);
        Assert.Equal(1, tally.Loans[OverdueBucket.Days1To30]);
    }

    [Fact]
    public async Task TheCountysTalliesAreTheSumOfItsPages()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var (_, first) = await DisburseAsync(branch, Money.FromYuan(10_000m));
        var (_, second) = await DisburseAsync(branch, Money.FromYuan(25_000m));

        var books = await Grains.GetGrain<ICountyBooksGrain>(branch.County.Value).GetAsync();
        var page = await Grains.GetGrain<ILoanBookGrain>(PageOf(branch, first).ToString()).GetTallyAsync();

        Assert.Equal(PageOf(branch, first), PageOf(branch, second));
        Assert.Equal(2, page.Figures.Loans[OverdueBucket.Current]);
        foreach (var key in new[] { "county", $"township:{branch.Township.Value}", $"village:{branch.Village.Value}", $"bank:{LendingBranch.BankCode}" })
        {
            Assert.Equal(Money.FromYuan(35_000m), books.Tallies[key].Outstanding);
        }

        Assert.Equal(
            new[] { first.LoanId, second.LoanId }.Order(StringComparer.Ordinal),
            await Grains.GetGrain<ICountyBooksGrain>(branch.County.Value).ListLoansAsync(LendingBranch.BankCode, fixture.Today.Year));
    }

    [Fact]
    public async Task AVisitFiledForAClosedDayIsMadeAtTheNextClose()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var (loanId, record) = await DisburseAsync(branch, Money.FromYuan(10_000m));
        var books = Grains.GetGrain<ICountyBooksGrain>(branch.County.Value);
        var today = fixture.Today;
        fixture.MoveTo(today.AddDays(1));
        await books.CloseThroughAsync(today);

        // Filed for the day just closed: its index is sealed, so the page lists itself for the next day.
        await Grains.GetGrain<ILoanBookGrain>(PageOf(branch, record).ToString()).RecordAsync([], [new ScheduledVisit(loanId, today)]);
        fixture.MoveTo(today.AddDays(2));
        var closed = await books.CloseThroughAsync(today.AddDays(1));

        Assert.Equal(1, closed.LoansVisited);
    }

    private async Task<(string LoanId, LoanRecord Record)> DisburseAsync(LendingBranch branch, Money amount)
    {
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), amount, termMonths: 12);
        await loan.ApproveAsync(Rate, "信贷员", "approve");
        var record = await loan.RecordDisbursementAsync(fixture.Today, "信贷员", "disburse");
        return (record.LoanId, record);
    }

    private static LoanBookKey PageOf(LendingBranch branch, LoanRecord loan) =>
        new(branch.Village, LendingBranch.BankCode, loan.DisbursedOn!.Value.Year);

    private static LoanTallyDelta Disbursed(LendingBranch branch, string loanId, Money amount) =>
        Delta(branch, loanId, 1, null, new TallyContribution(OverdueBucket.Current, amount, amount));

    private static LoanTallyDelta Delta(LendingBranch branch, string loanId, int sequence, TallyContribution? before, TallyContribution? after) =>
        new(loanId, sequence, branch.Village, branch.Township, LendingBranch.BankCode, before, after);
}
