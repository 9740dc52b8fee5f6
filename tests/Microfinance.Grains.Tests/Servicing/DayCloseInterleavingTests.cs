using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Grains.Servicing;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Servicing;

/// <summary>
/// A visit filed for a day whose close is already running (a back-dated repayment arriving during
/// the close, say) lands on the next day to be closed, never on a due-date index the close has read.
/// </summary>
[Collection(DayCloseCollection.Name)]
public sealed class DayCloseInterleavingTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AVisitFiledAfterTheCloseReadTheDaysIndexIsMadeTheNextDay()
    {
        var (books, page, loanId, day) = await LoanWithNoVisitDueTodayAsync();
        var read = await Index(books, day).SealAsync(); // the close of the day has read its index

        await page.RecordAsync([], [new ScheduledVisit(loanId, day)]);
        var closed = await books.CloseThroughAsync(day);
        var closedNext = await books.CloseThroughAsync(day.AddDays(1));

        Assert.DoesNotContain(PageKey(page), read);
        Assert.Equal(0, closed.LoansVisited);
        Assert.Equal(1, closedNext.LoansVisited);
    }

    [Fact]
    public async Task AVisitFiledForADayAlreadyClosedIsMadeTheNextDayToClose()
    {
        var (books, page, loanId, day) = await LoanWithNoVisitDueTodayAsync();
        var closed = await books.CloseThroughAsync(day);

        await page.RecordAsync([], [new ScheduledVisit(loanId, day)]);
        var closedNext = await books.CloseThroughAsync(day.AddDays(1));

        Assert.Equal(0, closed.LoansVisited);
        Assert.Equal(1, closedNext.LoansVisited);
    }

    /// <summary>
    /// A loan disbursed today, whose first visit is months away, with the clock two days on: today
    /// is the next day its county closes.
    /// </summary>
    private async Task<(ICountyBooksGrain Books, ILoanBookGrain Page, string LoanId, DateOnly Day)> LoanWithNoVisitDueTodayAsync()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var today = fixture.Today;
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), Money.FromYuan(10_000m), termMonths: 12);
        await loan.ApproveAsync(null, "信贷员", "approve");
        var disbursed = await loan.RecordDisbursementAsync(today, "信贷员", "disburse");
        var books = Grains.GetGrain<ICountyBooksGrain>(branch.County.Value);
        await books.CloseThroughAsync(today.AddDays(-1));
        fixture.MoveTo(today.AddDays(2));
        var page = Grains.GetGrain<ILoanBookGrain>(new LoanBookKey(branch.Village, LendingBranch.BankCode, today.Year).ToString());
        return (books, page, disbursed.LoanId, today);
    }

    private IDueIndexGrain Index(ICountyBooksGrain books, DateOnly day) =>
        Grains.GetGrain<IDueIndexGrain>(DueIndexGrain.KeyOf(books.GetPrimaryKeyString()[..6], day));

    private static string PageKey(ILoanBookGrain page) => page.GetPrimaryKeyString();
}
