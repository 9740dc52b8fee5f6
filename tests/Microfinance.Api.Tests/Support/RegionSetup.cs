using Microfinance.Api.V1;

namespace Microfinance.Api.Tests.Support;

/// <summary>Registers fresh regions through the API for a test.</summary>
public static class RegionSetup
{
    /// <summary>Registers province 45 (once) and a new county, township 001 and village 001.</summary>
    public static async Task<(string County, string Village)> NewVillageAsync(RegionService.RegionServiceClient regions)
    {
        await CreateAsync(regions, "45", "广西壮族自治区", "api-province-45");
        var county = Keys.NewCounty();
        await CreateAsync(regions, county, "测试县", Keys.NewRequestId());
        await CreateAsync(regions, county + "001", "测试镇", Keys.NewRequestId());
        await CreateAsync(regions, county + "001001", "测试村", Keys.NewRequestId());
        return (county + "000000", county + "001001");
    }

    private static Task<CreateRegionResponse> CreateAsync(
        RegionService.RegionServiceClient regions, string code, string name, string requestId) =>
        regions.CreateRegionAsync(new CreateRegionRequest
        {
            RequestId = requestId,
            Region = new Region { Code = code, Name = name },
        }).ResponseAsync;
}
