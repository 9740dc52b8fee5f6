using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Microfinance.Silo.Security;

namespace Microfinance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class RegionApiTests(ApiFixture fixture)
{
    private RegionService.RegionServiceClient Regions => new(fixture.Channel);

    [Fact]
    public async Task AVillageRecordedAsACreditVillageShowsItsStandingUntilItIsWithdrawn()
    {
        var (county, village) = await RegionSetup.NewVillageAsync(Regions);
        DesignateCreditRegionRequest Designation(string code, bool designated) => new()
        {
            RequestId = Keys.NewRequestId(), RegionCode = code, Designated = designated, Document = designated ? "县信用体系建设领导小组〔2026〕2号" : "",
        };

        var designated = (await Regions.DesignateCreditRegionAsync(Designation(village, true))).Region;
        var withdrawn = (await Regions.DesignateCreditRegionAsync(Designation(village, false))).Region;
        var notApplicable = await Assert.ThrowsAsync<RpcException>(() => Regions.DesignateCreditRegionAsync(Designation(county, true)).ResponseAsync);

        Assert.Equal("县信用体系建设领导小组〔2026〕2号", designated.CreditDesignation.Document);
        Assert.Null(withdrawn.CreditDesignation);
        Assert.Null((await Regions.GetRegionAsync(new GetRegionRequest { Code = village })).Region.CreditDesignation);
        Assert.Equal((StatusCode.FailedPrecondition, "CREDIT_DESIGNATION_NOT_APPLICABLE"), (notApplicable.StatusCode, notApplicable.Reason()));
    }

    [Fact]
    public async Task DemoCountyListsItsTownships()
    {
        var response = await Regions.ListSubregionsAsync(new ListSubregionsRequest { ParentCode = "530124" });

        Assert.Equal(["530124101000", "530124102000"], response.Regions.Select(r => r.Code));
        Assert.All(response.Regions, r => Assert.Equal(RegionLevel.Township, r.Level));
        Assert.Equal("", response.NextPageToken);
    }

    [Fact]
    public async Task MalformedCodeAndMissingRequestIdAreInvalidArguments()
    {
        var request = new CreateRegionRequest { Region = new Region { Code = "53012", Name = "县" } };

        var error = await Assert.ThrowsAsync<RpcException>(() => Regions.CreateRegionAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["request_id", "region.code"], error.ViolatedFields());
    }

    [Fact]
    public async Task CountyUnderAnUnregisteredProvinceIsNotFound()
    {
        var request = new CreateRegionRequest
        {
            RequestId = Keys.NewRequestId(),
            Region = new Region { Code = "140105", Name = "小店区" },
        };

        var shanxi = new RegionService.RegionServiceClient(
            fixture.ChannelWith(fixture.Tokens.Issue("shanxi-office", Role.ProvinceAdministrator, ["14"])));

        var error = await Assert.ThrowsAsync<RpcException>(() => shanxi.CreateRegionAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("PARENT_REGION_NOT_FOUND", error.Reason());
    }

    [Fact]
    public async Task RegisteringARegisteredCodeWithANewRequestIdIsAlreadyExists()
    {
        var request = new CreateRegionRequest
        {
            RequestId = Keys.NewRequestId(),
            Region = new Region { Code = "530124", Name = "富民县" },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => Regions.CreateRegionAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal("REGION_ALREADY_EXISTS", error.Reason());
    }

    [Fact]
    public async Task ListingSubregionsOfAVillageIsAnInvalidArgument()
    {
        var request = new ListSubregionsRequest { ParentCode = "530124101001" };

        var error = await Assert.ThrowsAsync<RpcException>(() => Regions.ListSubregionsAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["parent_code"], error.ViolatedFields());
    }

    [Fact]
    public async Task AForgedPageTokenIsAnInvalidArgument()
    {
        var request = new ListSubregionsRequest { ParentCode = "530124", PageToken = "not-a-token" };

        var error = await Assert.ThrowsAsync<RpcException>(() => Regions.ListSubregionsAsync(request).ResponseAsync);

        Assert.Equal(["page_token"], error.ViolatedFields());
    }

    [Fact]
    public async Task PagesOfOneWalkThroughAllTownships()
    {
        var first = await Regions.ListSubregionsAsync(new ListSubregionsRequest { ParentCode = "530124", PageSize = 1 });

        var second = await Regions.ListSubregionsAsync(
            new ListSubregionsRequest { ParentCode = "530124", PageSize = 1, PageToken = first.NextPageToken });

        Assert.Equal(["530124101000", "530124102000"], first.Regions.Concat(second.Regions).Select(r => r.Code));
        Assert.Equal("", second.NextPageToken);
    }
}
