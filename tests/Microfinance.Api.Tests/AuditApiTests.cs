using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Microfinance.Silo.Security;

namespace Microfinance.Api.Tests;

/// <summary>
/// The audit trail through the API: every change a caller asks for, allowed or refused, and each
/// decision of a bank's stream, is recorded with who asked, in what role, under which request id,
/// and what came of it; auditors find it by entity, region and time.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuditApiTests(ApiFixture fixture)
{
    private const string FundEntry = "/microfinance.v1.FundService/RecordFundEntry";

    private AuditService.AuditServiceClient Auditor(string region = LendingSetup.Province) =>
        new(fixture.ChannelWith(fixture.Tokens.Issue("auditor-7", Role.Auditor, [region])));

    private FundService.FundServiceClient CountyFunds(string county) =>
        new(fixture.ChannelWith(fixture.Tokens.Issue("officer-liu", Role.CountyOfficer, [county[..6]])));

    private static RecordFundEntryRequest Deposit(string fundId, long amountFen = 500_000) => new()
    {
        RequestId = Keys.NewRequestId(),
        FundId = fundId,
        Kind = FundEntryKind.CountyDeposit,
        AmountFen = amountFen,
    };

    private async Task<List<AuditRecord>> RecordsOfAsync(AuditEntityKind kind, string id, string region = LendingSetup.Province) =>
        [.. (await Auditor().ListAuditRecordsAsync(new ListAuditRecordsRequest { RegionCode = region, EntityKind = kind, EntityId = id })).Records];

    [Fact]
    public async Task AnAllowedChangeIsRecordedWithItsCallerRoleRequestIdAndOutcome()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, 1_000_000, 1_000_000);
        var deposit = Deposit(county.FundId);

        await CountyFunds(county.County).RecordFundEntryAsync(deposit);

        var record = (await RecordsOfAsync(AuditEntityKind.Fund, county.FundId)).First();
        Assert.Equal(
            ("officer-liu", "county-officer", FundEntry, deposit.RequestId, county.County[..6], "OK", ""),
            (record.Actor, record.Role, record.Method, record.RequestId, record.RegionCode, record.Outcome, record.Reason));
    }

    [Fact]
    public async Task ARefusedChangeIsRecordedWithItsReason()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, 1_000_000, 1_000_000);
        var neighbour = await LendingSetup.NewLendingCountyAsync(fixture.Channel, 1_000_000, 1_000_000);
        var intrusion = Deposit(neighbour.FundId);

        await Assert.ThrowsAsync<RpcException>(() => CountyFunds(county.County).RecordFundEntryAsync(intrusion).ResponseAsync);

        // Refused before the fund's region was known: the record is filed under the caller's own county.
        var record = (await RecordsOfAsync(AuditEntityKind.Fund, neighbour.FundId, county.County[..6])).Single();
        Assert.Equal(
            ("officer-liu", intrusion.RequestId, "PERMISSION_DENIED", AccessReasons.OutsideArea),
            (record.Actor, record.RequestId, record.Outcome, record.Reason));
    }

    [Fact]
    public async Task ADecisionInABanksStreamIsRecordedUnderTheUnaryRpcItStandsFor()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, 10_000_000, 10_000_000);
        var loanId = await LendingSetup.NewCountyReviewedLoanAsync(fixture.Channel, county.Village, 3_000_000);
        var bank = new LoanService.LoanServiceClient(
            fixture.ChannelWith(fixture.Tokens.Issue("rcc-manager", Role.BankOfficer, [county.County[..6]], LendingSetup.BankCode)));
        var approval = new ApproveLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId };

        using (var call = bank.StreamBankDecisions())
        {
            await call.RequestStream.WriteAsync(new StreamBankDecisionsRequest { Sequence = 1, Approve = approval });
            await call.RequestStream.CompleteAsync();
            await call.ResponseStream.ReadAllAsync().ToListAsync();
        }

        var record = (await RecordsOfAsync(AuditEntityKind.Loan, loanId)).First();
        Assert.Equal(
            ("rcc-manager", "bank-officer", "/microfinance.v1.LoanService/ApproveLoan", approval.RequestId, county.Village, "OK"),
            (record.Actor, record.Role, record.Method, record.RequestId, record.RegionCode, record.Outcome));
    }

    [Fact]
    public async Task RecordsAreListedNewestFirstInPagesAndWithinTheTimeRangeAsked()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, 1_000_000, 1_000_000);
        var deposits = new[] { Deposit(county.FundId), Deposit(county.FundId), Deposit(county.FundId) };
        foreach (var deposit in deposits)
        {
            await CountyFunds(county.County).RecordFundEntryAsync(deposit);
        }

        var query = new ListAuditRecordsRequest
        {
            RegionCode = county.County,
            EntityKind = AuditEntityKind.Fund,
            EntityId = county.FundId,
            PageSize = 2,
        };
        var first = await Auditor().ListAuditRecordsAsync(query);
        query.PageToken = first.NextPageToken;
        var second = await Auditor().ListAuditRecordsAsync(query);
        var future = await Auditor().ListAuditRecordsAsync(new ListAuditRecordsRequest
        {
            RegionCode = county.County,
            FromTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(5)),
        });

        // The county's own setup (fund opening and first deposit) comes before the three deposits.
        Assert.Equal(
            deposits.Reverse().Select(deposit => deposit.RequestId),
            first.Records.Concat(second.Records).Take(3).Select(record => record.RequestId));
        Assert.Equal(2, first.Records.Count);
        Assert.Empty(future.Records);
    }

    [Fact]
    public async Task AnAuditorSeesOnlyTheRecordsOfTheirOwnArea()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, 1_000_000, 1_000_000);
        await CountyFunds(county.County).RecordFundEntryAsync(Deposit(county.FundId));

        var elsewhere = await Assert.ThrowsAsync<RpcException>(() => Auditor("53").ListAuditRecordsAsync(
            new ListAuditRecordsRequest { RegionCode = county.County }).ResponseAsync);
        var ownButNarrower = await Auditor("53").ListAuditRecordsAsync(new ListAuditRecordsRequest { RegionCode = "53" });

        Assert.Equal(StatusCode.PermissionDenied, elsewhere.StatusCode);
        Assert.DoesNotContain(ownButNarrower.Records, record => record.EntityId == county.FundId);
    }

    [Fact]
    public async Task AMalformedQueryNamesEveryFieldAtFault()
    {
        var request = new ListAuditRecordsRequest
        {
            RegionCode = LendingSetup.Province,
            EntityId = "450101-RCC",
            FromTime = new Timestamp { Seconds = long.MaxValue },
            PageToken = "not-a-token",
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => Auditor().ListAuditRecordsAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["entity_kind", "from_time", "page_token"], error.ViolatedFields());
    }
}
