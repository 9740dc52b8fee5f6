using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;

namespace Microfinance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class FundApiTests(ApiFixture fixture)
{
    private FundService.FundServiceClient Funds => new(fixture.Channel);

    private async Task<string> NewFundAsync()
    {
        var (county, _) = await RegionSetup.NewVillageAsync(new RegionService.RegionServiceClient(fixture.Channel));
        return (await LendingSetup.OpenFundAsync(Funds, county)).FundId;
    }

    private static RecordFundEntryRequest Entry(string fundId, FundEntryKind kind, long amountFen) => new()
    {
        RequestId = Keys.NewRequestId(),
        FundId = fundId,
        Kind = kind,
        AmountFen = amountFen,
        Memo = "专户入账",
    };

    [Fact]
    public async Task AnOpenedAccountIsKeyedByCountyAndBankAndStartsEmpty()
    {
        var (county, _) = await RegionSetup.NewVillageAsync(new RegionService.RegionServiceClient(fixture.Channel));

        var position = await LendingSetup.OpenFundAsync(Funds, county[..6]);

        Assert.Equal((county[..6] + "-RCC", county, "RCC"), (position.FundId, position.CountyCode, position.BankCode));
        Assert.Equal((0L, 0L, 0L, 0L), (position.BalanceFen, position.HeadroomFen, position.LeverageUsedBp, position.LedgerEntryCount));
    }

    [Fact]
    public async Task DepositsAndInterestAddUpToTheBalance()
    {
        var fundId = await NewFundAsync();
        await Funds.RecordFundEntryAsync(Entry(fundId, FundEntryKind.ProvincialDeposit, 400_000_000));
        await Funds.RecordFundEntryAsync(Entry(fundId, FundEntryKind.CountyDeposit, 1_600_000_000));

        var position = (await Funds.RecordFundEntryAsync(Entry(fundId, FundEntryKind.InterestCredit, 123_456))).FundPosition;

        Assert.Equal((2_000_123_456L, 3L), (position.BalanceFen, position.LedgerEntryCount));
    }

    [Fact]
    public async Task TheLedgerListsEntriesInRecordingOrderAcrossPages()
    {
        var fundId = await NewFundAsync();
        var deposit = Entry(fundId, FundEntryKind.ProvincialDeposit, 400_000_000);
        await Funds.RecordFundEntryAsync(deposit);
        await Funds.RecordFundEntryAsync(Entry(fundId, FundEntryKind.CountyDeposit, 1_600_000_000));
        await Funds.RecordFundEntryAsync(Entry(fundId, FundEntryKind.InterestCredit, 123_456));

        var first = await Funds.ListFundLedgerEntriesAsync(new ListFundLedgerEntriesRequest { FundId = fundId, PageSize = 2 });
        var second = await Funds.ListFundLedgerEntriesAsync(new ListFundLedgerEntriesRequest
        {
            FundId = fundId,
            PageSize = 2,
            PageToken = first.NextPageToken,
        });

        Assert.Equal(
            [FundEntryKind.ProvincialDeposit, FundEntryKind.CountyDeposit, FundEntryKind.InterestCredit],
            first.Entries.Concat(second.Entries).Select(e => e.Kind));
        Assert.Equal((1L, LendingSetup.Actor, deposit.RequestId), (first.Entries[0].Sequence, first.Entries[0].Actor, first.Entries[0].RequestId));
        Assert.Equal("", second.NextPageToken);
    }

    [Fact]
    public async Task ARetriedEntryIsRecordedOnce()
    {
        var fundId = await NewFundAsync();
        var entry = Entry(fundId, FundEntryKind.CountyDeposit, 500_000);
        await Funds.RecordFundEntryAsync(entry);

        var position = (await Funds.RecordFundEntryAsync(entry)).FundPosition;

        Assert.Equal((500_000L, 1L), (position.BalanceFen, position.LedgerEntryCount));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public async Task AnAmountThatIsNotPositiveIsAnInvalidArgument(long amountFen)
    {
        var request = Entry("530124-RCC", FundEntryKind.CountyDeposit, amountFen);

        var error = await Assert.ThrowsAsync<RpcException>(() => Funds.RecordFundEntryAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["amount_fen"], error.ViolatedFields());
    }

    [Fact]
    public async Task ABankCodeInLowerCaseIsAnInvalidArgument()
    {
        var open = new OpenFundAccountRequest
        {
            RequestId = Keys.NewRequestId(),
            CountyCode = "530124",
            BankCode = "rcc",
            BankName = "富民县农村信用合作联社",
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => Funds.OpenFundAccountAsync(open).ResponseAsync);

        Assert.Equal(["bank_code"], error.ViolatedFields());
    }

    [Theory]
    [InlineData("530124")]
    [InlineData("530100-RCC")]
    [InlineData("5301-RCC")]
    [InlineData("530124-rcc")]
    public async Task AMalformedFundIdIsAnInvalidArgument(string fundId)
    {
        var request = new GetFundPositionRequest { FundId = fundId };

        var error = await Assert.ThrowsAsync<RpcException>(() => Funds.GetFundPositionAsync(request).ResponseAsync);

        Assert.Equal(["fund_id"], error.ViolatedFields());
    }

    [Fact]
    public async Task OpeningASecondAccountAtTheSameBankIsAlreadyExists()
    {
        var (county, _) = await RegionSetup.NewVillageAsync(new RegionService.RegionServiceClient(fixture.Channel));
        await LendingSetup.OpenFundAsync(Funds, county);

        var error = await Assert.ThrowsAsync<RpcException>(() => LendingSetup.OpenFundAsync(Funds, county));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal("FUND_ACCOUNT_ALREADY_EXISTS", error.Reason());
    }

    [Fact]
    public async Task AnAccountThatWasNeverOpenedIsNotFound()
    {
        var request = new GetFundPositionRequest { FundId = "530124-NOSUCHBANK" };

        var error = await Assert.ThrowsAsync<RpcException>(() => Funds.GetFundPositionAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("FUND_ACCOUNT_NOT_FOUND", error.Reason());
    }

    [Fact]
    public async Task PayoutsAndRecoveriesAreNotRecordedAsEntries()
    {
        var fundId = await NewFundAsync();

        var error = await Assert.ThrowsAsync<RpcException>(
            () => Funds.RecordFundEntryAsync(Entry(fundId, FundEntryKind.CompensationPayout, 100)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["kind"], error.ViolatedFields());
    }
}
