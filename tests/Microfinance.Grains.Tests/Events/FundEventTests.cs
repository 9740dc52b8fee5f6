using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Funds;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Events;

/// <summary>What a county's fund accounts publish on its stream.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FundEventTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ADepositIsPublishedWithTheBalanceAfterIt()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, county);
        var fund = Grains.GetGrain<IFundAccountGrain>(FundAccountId.For(county, "RCC"));
        await fund.OpenAsync(county, "RCC", "信用社", "县财政局", "open");
        await fund.RecordAsync(FundEntryKind.ProvincialDeposit, Money.FromYuan(4_000_000m), "省级下达", "省财政厅", "provincial");

        await fund.RecordAsync(FundEntryKind.CountyDeposit, Money.FromYuan(11_000_000m), "县级配套", "县财政局", "county");

        var posted = await events.WaitForAsync<FundEntryPosted>(e => e.Sequence == 2);
        Assert.Equal(county, posted.County);
        Assert.Equal(FundAccountId.For(county, "RCC"), posted.FundId);
        Assert.Equal(FundEntryKind.CountyDeposit, posted.Kind);
        Assert.Equal(Money.FromYuan(11_000_000m), posted.Amount);

        // 4,000,000 from the province + 11,000,000 from the county.
        Assert.Equal(Money.FromYuan(15_000_000m), posted.BalanceAfter);
        Assert.Equal("县级配套", posted.Memo);
        var opened = await events.WaitForAsync<FundAccountOpened>();
        Assert.Equal(("RCC", "信用社"), (opened.BankCode, opened.BankName));
    }

    [Fact]
    public async Task AReplayedDepositPublishesNothing()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var fund = Grains.GetGrain<IFundAccountGrain>(FundAccountId.For(county, "RCC"));
        await fund.OpenAsync(county, "RCC", "信用社", "县财政局", "open");
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, county);
        await fund.RecordAsync(FundEntryKind.CountyDeposit, Money.FromYuan(1_000_000m), "县级配套", "县财政局", "deposit");

        await fund.RecordAsync(FundEntryKind.CountyDeposit, Money.FromYuan(1_000_000m), "县级配套", "县财政局", "deposit");

        // A county's stream delivers in the order events were queued, and the replay's would have
        // been queued first: once the later entry is here, so would it be.
        await fund.RecordAsync(FundEntryKind.InterestCredit, Money.FromYuan(3_000m), "存款利息", "信用社", "interest");
        await events.WaitForAsync<FundEntryPosted>(e => e.Kind == FundEntryKind.InterestCredit);
        Assert.Equal([1L, 2L], events.All<FundEntryPosted>().Select(e => e.Sequence));
    }
}
