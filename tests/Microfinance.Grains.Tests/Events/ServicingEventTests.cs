using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Events;

/// <summary>Tallies, closed days, the NPL lending stop and subsidy statements published on the county's stream.</summary>
[Collection(DayCloseCollection.Name)]
public sealed class ServicingEventTests(ClusterFixture fixture)
{
    private static readonly InterestRate Rate = new(435);
    private static readonly Money Principal = Money.FromYuan(20_000m);

    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ADisbursementPublishesEveryTallyItChanges()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, branch.County);

        await DisburseAsync(branch);

        var keys = new[] { "county", $"township:{branch.Township.Value}", $"village:{branch.Village.Value}", $"bank:{LendingBranch.BankCode}" };
        foreach (var key in keys)
        {
            var tally = await events.WaitForAsync<TallyChanged>(e => e.Key == key);
            Assert.Equal(1, tally.Figures.Loans[OverdueBucket.Current]);
            Assert.Equal(Principal, tally.Figures.Principal[OverdueBucket.Current]);
            Assert.Equal(1, tally.Revision);
        }
    }

    [Fact]
    public async Task ADayCloseThatAgesALoanPublishesTheTalliesThenTheClosedDay()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        await DisburseAsync(branch);
        var firstDue = fixture.Today.AddMonths(3);
        var books = Grains.GetGrain<ICountyBooksGrain>(branch.County.Value);
        fixture.MoveTo(firstDue.AddDays(2));
        await books.CloseThroughAsync(firstDue.AddDays(-1));
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, branch.County);

        await books.CloseThroughAsync(firstDue.AddDays(1));

        // The quarter's interest, due on firstDue, is unpaid: the day after, the loan is 1 day past
        // due, and that close is the one that visits it. The disbursement was the books' first
        // change, this is their second.
        var lastDay = await events.WaitForAsync<BusinessDayClosed>(e => e.Day == firstDue.AddDays(1));
        var aged = await events.WaitForAsync<TallyChanged>(e => e.Key == "county" && e.Revision == 2);
        Assert.Equal(Principal, aged.Figures.Principal[OverdueBucket.Days1To30]);
        Assert.Equal(0, aged.Figures.Loans[OverdueBucket.Current]);
        Assert.Equal(1, lastDay.LoansVisited);
        Assert.Equal(
            [(firstDue, 0), (firstDue.AddDays(1), 1)],
            events.All<BusinessDayClosed>().Where(e => e.Day >= firstDue).Select(e => (e.Day, e.LoansVisited)));
        Assert.True(Position(events, aged) < Position(events, lastDay));
    }

    [Fact]
    public async Task TheNplLendingStopSwitchingOnIsPublished()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        await DisburseAsync(branch);
        var firstDue = fixture.Today.AddMonths(3);
        fixture.MoveTo(firstDue.AddDays(92));
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, branch.County);

        await Grains.GetGrain<ICountyBooksGrain>(branch.County.Value).CloseThroughAsync(firstDue.AddDays(91));

        // The only loan is over 90 days past due: an NPL ratio of 100% against the 5321 tolerance.
        var stop = await events.WaitForAsync<LendingStopChanged>();
        Assert.True(stop.ForNplRatio);
        Assert.True(stop.Stopped);
        Assert.True(stop.LendingStopped);
        Assert.StartsWith("NPL ratio 100", stop.Reason);
    }

    [Fact]
    public async Task PreparingAndApprovingASubsidyStatementArePublishedWithItsTotal()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        await DisburseAsync(branch);
        var month = new DateOnly(fixture.Today.Year, fixture.Today.Month, 1).AddMonths(1);
        fixture.MoveTo(month.AddMonths(1).AddDays(1));
        var fundId = FundAccountId.For(branch.County, LendingBranch.BankCode);
        var statement = Grains.GetGrain<ISubsidyStatementGrain>($"{fundId}:{month:yyyy-MM}");
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, branch.County);
        var prepared = await statement.PrepareAsync("信用社", "prepare");

        await statement.ApproveAsync("县财政局", "approve");

        var approved = await events.WaitForAsync<SubsidyStatementApproved>();
        var preparedEvent = Assert.Single(events.All<SubsidyStatementPrepared>());
        Assert.Equal((fundId, month.Year, month.Month, 1, "信用社"), (preparedEvent.FundId, preparedEvent.Year, preparedEvent.Month, preparedEvent.Loans, preparedEvent.PreparedBy));
        Assert.Equal(prepared.TotalSubsidy, preparedEvent.TotalSubsidy);
        Assert.True(approved.TotalSubsidy.IsPositive);
        Assert.Equal((fundId, month.Year, month.Month, prepared.TotalSubsidy, "县财政局"), (approved.FundId, approved.Year, approved.Month, approved.TotalSubsidy, approved.ApprovedBy));
    }

    /// <summary>A 12-month loan at 4.35% disbursed today: interest quarterly, principal at maturity.</summary>
    private async Task DisburseAsync(LendingBranch branch)
    {
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), Principal, termMonths: 12);
        await loan.ApproveAsync(Rate, "信贷员", "approve");
        await loan.RecordDisbursementAsync(fixture.Today, "信贷员", "disburse");
    }

    private static int Position(CountyEventLog events, CountyEvent countyEvent) =>
        events.Received.ToList().IndexOf(countyEvent);
}
