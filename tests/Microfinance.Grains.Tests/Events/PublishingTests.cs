using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Funds;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Events;

/// <summary>A dashboard that does not keep up never holds up the business call that publishes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PublishingTests(ClusterFixture fixture)
{
    /// <summary>Far longer than three deposits take; only a deposit waiting on the subscriber would reach it.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task DepositsCompleteWhileTheCountysOnlySubscriberIsStuck()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var fund = Grains.GetGrain<IFundAccountGrain>(FundAccountId.For(county, "RCC"));
        await fund.OpenAsync(county, "RCC", "信用社", "县财政局", "open");
        var stuck = new TaskCompletionSource();
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, county, _ => stuck.Task);

        var position = await DepositThreeTimesAsync(fund).WaitAsync(HangGuard);

        Assert.Equal(3, position.LedgerEntries);
        stuck.SetResult();
        await events.WaitForAsync<FundEntryPosted>(e => e.Sequence == 3);
        Assert.Equal([1L, 2L, 3L], events.All<FundEntryPosted>().Select(e => e.Sequence));
    }

    private static async Task<FundPosition> DepositThreeTimesAsync(IFundAccountGrain fund)
    {
        await fund.RecordAsync(FundEntryKind.ProvincialDeposit, Money.FromYuan(4_000_000m), "省级下达", "省财政厅", "first");
        await fund.RecordAsync(FundEntryKind.CountyDeposit, Money.FromYuan(11_000_000m), "县级配套", "县财政局", "second");
        return await fund.RecordAsync(FundEntryKind.InterestCredit, Money.FromYuan(52_500m), "存款利息", "信用社", "third");
    }
}
