using Microfinance.Abstractions.Funds;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Funds;

[Collection(ClusterCollection.Name)]
public sealed class FundAccountGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ANewAccountBacksTenTimesItsBalance()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var fund = Grains.GetGrain<IFundAccountGrain>(FundAccountId.For(county, "PSBC"));
        await fund.OpenAsync(county, "PSBC", "邮储银行", "县财政局", "open");

        var position = await fund.RecordAsync(FundEntryKind.ProvincialDeposit, Money.FromYuan(4_000_000m), "省级下达", "省财政厅", "deposit");

        Assert.Equal(10, position.LeverageMultiple);
        Assert.Equal(Money.FromYuan(40_000_000m), position.Headroom);
    }

    [Fact]
    public async Task TheBalanceIsTheSumOfTheLedgerAndAReplayedEntryCountsOnce()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var fund = Grains.GetGrain<IFundAccountGrain>(FundAccountId.For(county, "RCC"));
        await fund.OpenAsync(county, "RCC", "信用社", "县财政局", "open");
        await fund.RecordAsync(FundEntryKind.ProvincialDeposit, Money.FromYuan(4_000_000m), "省级下达", "省财政厅", "provincial");
        await fund.RecordAsync(FundEntryKind.CountyDeposit, Money.FromYuan(11_000_000m), "县级配套", "县财政局", "county");
        await fund.RecordAsync(FundEntryKind.InterestCredit, Money.FromYuan(52_500.35m), "年度存款利息", "信用社", "interest");

        var position = await fund.RecordAsync(FundEntryKind.CountyDeposit, Money.FromYuan(11_000_000m), "县级配套", "县财政局", "county");

        var ledger = await fund.GetLedgerAsync();
        Assert.Equal(3, ledger.Count);
        Assert.Equal(new Money(ledger.Sum(entry => entry.Amount.Fen)), position.Balance);
        Assert.Equal(Money.FromYuan(15_052_500.35m), position.Balance);
    }

    [Fact]
    public async Task AnUnopenedAccountIsNotFound()
    {
        var fund = Grains.GetGrain<IFundAccountGrain>(FundAccountId.For(TestKeys.NewCounty(), "RCC"));

        var error = await Assert.ThrowsAsync<NotFoundException>(fund.GetPositionAsync);

        Assert.Equal("FUND_ACCOUNT_NOT_FOUND", error.Reason);
    }

    [Fact]
    public async Task AnEntryIdReusedForAnotherAmountIsRefusedAndTheLedgerUnchanged()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var fund = Grains.GetGrain<IFundAccountGrain>(FundAccountId.For(county, "RCC"));
        await fund.OpenAsync(county, "RCC", "信用社", "县财政局", "open");
        await fund.RecordAsync(FundEntryKind.CountyDeposit, Money.FromYuan(11_000_000m), "县级配套", "县财政局", "county");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => fund.RecordAsync(FundEntryKind.CountyDeposit, Money.FromYuan(12_000_000m), "县级配套", "县财政局", "county"));

        Assert.Equal("REQUEST_ID_REUSED", refusal.Reason);
        Assert.Equal([Money.FromYuan(11_000_000m)], (await fund.GetLedgerAsync()).Select(entry => entry.Amount));
    }

    [Fact]
    public async Task AnOpeningIdReusedForAnotherBankNameIsRefused()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var fund = Grains.GetGrain<IFundAccountGrain>(FundAccountId.For(county, "RCC"));
        var opened = await fund.OpenAsync(county, "RCC", "信用社", "县财政局", "open");

        var (replayed, refusal) = (
            await fund.OpenAsync(county, "RCC", "信用社", "县财政局", "open"),
            await Assert.ThrowsAsync<RuleViolationException>(() => fund.OpenAsync(county, "RCC", "农商行", "县财政局", "open")));

        Assert.Equal(opened, replayed);
        Assert.Equal("REQUEST_ID_REUSED", refusal.Reason);
    }
}
