using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;

namespace Microfinance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class QuotaApiTests(ApiFixture fixture)
{
    private QuotaService.QuotaServiceClient Quotas => new(fixture.Channel);

    /// <summary>A fresh county holding <paramref name="quotaFen"/> from the test province.</summary>
    private async Task<(string County, string Township, string Village)> NewCountyWithQuotaAsync(long quotaFen)
    {
        var (county, village) = await RegionSetup.NewVillageAsync(new RegionService.RegionServiceClient(fixture.Channel));
        await LendingSetup.RaiseProvinceQuotaAsync(Quotas, quotaFen);
        await LendingSetup.AllocateAsync(Quotas, LendingSetup.Province, county, quotaFen);
        return (county, village[..9] + "000", village);
    }

    [Fact]
    public async Task QuotaAllocatedDownToAVillageShowsInTheCountyOverview()
    {
        var (county, township, village) = await NewCountyWithQuotaAsync(10_000_000);
        await LendingSetup.AllocateAsync(Quotas, county, township, 6_000_000);

        await LendingSetup.AllocateAsync(Quotas, township, village, 4_000_000);

        var overview = await Quotas.GetQuotaOverviewAsync(new GetQuotaOverviewRequest { RegionCode = county });
        var countyPosition = overview.Position;
        Assert.Equal(county, countyPosition.RegionCode);
        Assert.Equal(
            (10_000_000L, 6_000_000L, 4_000_000L),
            (countyPosition.AllocatedFen, countyPosition.AllocatedToSubregionsFen, countyPosition.AvailableFen));
        var townshipPosition = Assert.Single(overview.SubregionPositions);
        Assert.Equal(township, townshipPosition.RegionCode);
        Assert.Equal(
            (6_000_000L, 4_000_000L, 2_000_000L),
            (townshipPosition.AllocatedFen, townshipPosition.AllocatedToSubregionsFen, townshipPosition.AvailableFen));
        Assert.Null(overview.LegalPersonShare);
    }

    [Fact]
    public async Task AllocatingMoreThanTheParentHoldsIsQuotaExceeded()
    {
        var (county, township, _) = await NewCountyWithQuotaAsync(1_000_000);

        var error = await Assert.ThrowsAsync<RpcException>(() => LendingSetup.AllocateAsync(Quotas, county, township, 1_000_001));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("QUOTA_EXCEEDED", error.Reason());
    }

    [Fact]
    public async Task ReallocatingReplacesTheEarlierAllocation()
    {
        var (county, township, _) = await NewCountyWithQuotaAsync(1_000_000);
        await LendingSetup.AllocateAsync(Quotas, county, township, 800_000);

        var position = await LendingSetup.AllocateAsync(Quotas, county, township, 300_000);

        Assert.Equal(300_000, position.AllocatedFen);
        var overview = await Quotas.GetQuotaOverviewAsync(new GetQuotaOverviewRequest { RegionCode = county });
        Assert.Equal(700_000, overview.Position.AvailableFen);
    }

    [Fact]
    public async Task CuttingAQuotaBelowWhatWasPassedOnIsRefused()
    {
        var (county, township, village) = await NewCountyWithQuotaAsync(1_000_000);
        await LendingSetup.AllocateAsync(Quotas, county, township, 800_000);
        await LendingSetup.AllocateAsync(Quotas, township, village, 500_000);

        var error = await Assert.ThrowsAsync<RpcException>(() => LendingSetup.AllocateAsync(Quotas, county, township, 400_000));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("QUOTA_BELOW_COMMITTED", error.Reason());
    }

    [Fact]
    public async Task ATownshipOverviewCarriesItsLegalPersonShare()
    {
        var (county, township, village) = await NewCountyWithQuotaAsync(1_000_000);
        await LendingSetup.AllocateAsync(Quotas, county, township, 800_000);

        var overview = await Quotas.GetQuotaOverviewAsync(new GetQuotaOverviewRequest { RegionCode = township });

        Assert.Equal(township, overview.LegalPersonShare.RegionCode);
        Assert.Equal([village], overview.SubregionPositions.Select(p => p.RegionCode));
    }

    [Fact]
    public async Task WhatAVillagesLoansHoldShowsWithinItsTownshipAndCountyNotInTheirOwnFigures()
    {
        var disbursed = await LendingSetup.NewDisbursedLoanAsync(fixture, amountFen: 3_000_000, quotaFen: 10_000_000, fundFen: 50_000_000);
        var county = disbursed.County;
        var approvedOnly = await LendingSetup.NewCountyReviewedLoanAsync(fixture.Channel, county.Village, 1_000_000);
        await new LoanService.LoanServiceClient(fixture.Channel).ApproveLoanAsync(new ApproveLoanRequest { RequestId = Keys.NewRequestId(), LoanId = approvedOnly });

        var countyOverview = await Quotas.GetQuotaOverviewAsync(new GetQuotaOverviewRequest { RegionCode = county.County });
        var townshipOverview = await Quotas.GetQuotaOverviewAsync(new GetQuotaOverviewRequest { RegionCode = county.Township });
        var villageOverview = await Quotas.GetQuotaOverviewAsync(new GetQuotaOverviewRequest { RegionCode = county.Village });
        var provinceOverview = await Quotas.GetQuotaOverviewAsync(new GetQuotaOverviewRequest { RegionCode = LendingSetup.Province });

        var held = new QuotaUse { ReservedFen = 1_000_000, UsedFen = 3_000_000 };
        Assert.Equal((0L, 0L), (countyOverview.Position.ReservedFen, countyOverview.Position.UsedFen));
        Assert.Equal(held, countyOverview.Position.Within);
        Assert.Equal(held, Assert.Single(countyOverview.SubregionPositions).Within);
        Assert.Equal(held, townshipOverview.Position.Within);
        Assert.Equal(held, Assert.Single(townshipOverview.SubregionPositions).Within);
        Assert.Equal(held, villageOverview.Position.Within);
        Assert.Equal((1_000_000L, 3_000_000L), (villageOverview.Position.ReservedFen, villageOverview.Position.UsedFen));
        Assert.Null(provinceOverview.Position.Within);
        Assert.All(provinceOverview.SubregionPositions, position => Assert.Null(position.Within));
    }

    [Fact]
    public async Task AChildThatIsNotADirectSubregionIsAnInvalidArgument()
    {
        var request = new AllocateQuotaRequest
        {
            RequestId = Keys.NewRequestId(),
            ParentCode = "530124",
            ChildCode = "530124101001",
            AmountFen = -1,
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => Quotas.AllocateQuotaAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["child_code", "amount_fen"], error.ViolatedFields());
    }

    [Fact]
    public async Task AnUnregisteredRegionHasNoQuotaOverview()
    {
        var request = new GetQuotaOverviewRequest { RegionCode = "530124109" };

        var error = await Assert.ThrowsAsync<RpcException>(() => Quotas.GetQuotaOverviewAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("REGION_NOT_FOUND", error.Reason());
    }
}
