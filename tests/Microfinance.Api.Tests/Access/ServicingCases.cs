using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using static Microfinance.Api.Tests.Access.CaseBuilder;

namespace Microfinance.Api.Tests.Access;

/// <summary>The matrix rows of a county's books and the interest subsidy.</summary>
public static class ServicingCases
{
    public static IEnumerable<RpcCase> All()
    {
        var servicing = ServicingService.Descriptor;
        yield return Change(servicing, "CloseBusinessDays", AllowedCallers.CountyOffice, world => Call(caller =>
            new ServicingService.ServicingServiceClient(caller).CloseBusinessDaysAsync(
                new CloseBusinessDaysRequest { RequestId = Keys.NewRequestId(), CountyCode = world.County.County })));
        yield return Change(servicing, "DeclareDeferral", AllowedCallers.CountyOffice, world =>
        {
            var from = new DateOnly(2010, 1, 1).AddMonths(world.Next());
            return Call(caller => new ServicingService.ServicingServiceClient(caller).DeclareDeferralAsync(new DeclareDeferralRequest
            {
                RequestId = Keys.NewRequestId(),
                CountyCode = world.County.County,
                FromDate = AccessWorld.Iso(from),
                ThroughDate = AccessWorld.Iso(from.AddDays(20)),
                Months = 1,
                Reason = "暴雨洪涝灾害",
            }));
        });
        yield return Read(servicing, "GetCountyBooks", AllowedCallers.CountyReaders, world => Call(caller =>
            new ServicingService.ServicingServiceClient(caller).GetCountyBooksAsync(new GetCountyBooksRequest { CountyCode = world.County.County })));
        yield return Read(servicing, "ListDeferrals", AllowedCallers.AreaReaders, world => Call(caller =>
            new ServicingService.ServicingServiceClient(caller).ListDeferralsAsync(new ListDeferralsRequest { CountyCode = world.County.County })));
        yield return Read(servicing, "GetMaturityWall", AllowedCallers.CountyReaders, world => Call(caller =>
            new ServicingService.ServicingServiceClient(caller).GetMaturityWallAsync(new GetMaturityWallRequest { CountyCode = world.County.County })));
        yield return Read(servicing, "GetCountyFigures", AllowedCallers.CountyReaders, world => Call(caller =>
            new ServicingService.ServicingServiceClient(caller).GetCountyFiguresAsync(new GetCountyFiguresRequest { CountyCode = world.County.County })));

        var subsidies = SubsidyService.Descriptor;
        yield return Change(subsidies, "PrepareSubsidyStatement", AllowedCallers.Lenders, world =>
        {
            var month = PastMonth(world);
            return Call(caller => new SubsidyService.SubsidyServiceClient(caller).PrepareSubsidyStatementAsync(
                new PrepareSubsidyStatementRequest { RequestId = Keys.NewRequestId(), FundId = world.County.FundId, Month = month }));
        });
        yield return Change(subsidies, "ApproveSubsidyStatement", AllowedCallers.CountyOffice, async (world, _) =>
        {
            var month = await PreparedMonthAsync(world);
            return Call(caller => new SubsidyService.SubsidyServiceClient(caller).ApproveSubsidyStatementAsync(
                new ApproveSubsidyStatementRequest { RequestId = Keys.NewRequestId(), FundId = world.County.FundId, Month = month }));
        });
        yield return Read(subsidies, "GetSubsidyStatement", AllowedCallers.BankReaders, async world =>
        {
            var month = await PreparedMonthAsync(world);
            return Call(caller => new SubsidyService.SubsidyServiceClient(caller).GetSubsidyStatementAsync(
                new GetSubsidyStatementRequest { FundId = world.County.FundId, Month = month }));
        });
        yield return Read(subsidies, "GetQuarterlySubsidyReport", AllowedCallers.BankReaders, world => Call(caller =>
            new SubsidyService.SubsidyServiceClient(caller).GetQuarterlySubsidyReportAsync(
                new GetQuarterlySubsidyReportRequest { FundId = world.County.FundId, Year = world.Today.Year - 1, Quarter = 1 })));
    }

    /// <summary>A month over, not used before in this world (a statement is prepared once per month).</summary>
    private static string PastMonth(AccessWorld world) =>
        world.Today.AddMonths(-world.Next()).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> PreparedMonthAsync(AccessWorld world)
    {
        var month = PastMonth(world);
        await new SubsidyService.SubsidyServiceClient(world.Admin).PrepareSubsidyStatementAsync(
            new PrepareSubsidyStatementRequest { RequestId = Keys.NewRequestId(), FundId = world.County.FundId, Month = month });
        return month;
    }
}
