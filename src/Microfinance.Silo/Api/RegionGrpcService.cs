using Grpc.Core;
using Microfinance.Abstractions.Regions;
using Microfinance.Api.V1;
using Microfinance.Domain.Regions;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using Microfinance.Silo.Security;

namespace Microfinance.Silo.Api;

/// <summary>gRPC face of the region grains.</summary>
public sealed class RegionGrpcService(IGrainFactory grains) : RegionService.RegionServiceBase
{
    private const int MaxNameLength = 50;
    private const int MaxDocumentLength = 200;

    public override async Task<CreateRegionResponse> CreateRegion(CreateRegionRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var code = check.AdminCode("region.code", request.Region?.Code);
        var name = check.Text("region.name", request.Region?.Name, MaxNameLength);
        check.ThrowIfInvalid();

        var region = await grains.GetRegion(code).CreateAsync(name, requestId);
        return new CreateRegionResponse { Region = RegionMapper.ToProto(region) };
    }

    public override async Task<DesignateCreditRegionResponse> DesignateCreditRegion(DesignateCreditRegionRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var code = check.AdminCode("region_code", request.RegionCode);
        var document = request.Designated
            ? check.Text("document", request.Document, MaxDocumentLength)
            : check.OptionalText("document", request.Document, MaxDocumentLength);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var region = await grains.GetRegion(code).DesignateCreditAsync(request.Designated, document, actor, requestId);
        return new DesignateCreditRegionResponse { Region = RegionMapper.ToProto(region) };
    }

    public override async Task<GetRegionResponse> GetRegion(GetRegionRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var code = check.AdminCode("code", request.Code);
        check.ThrowIfInvalid();

        var region = await grains.GetRegion(code).GetAsync();
        return new GetRegionResponse { Region = RegionMapper.ToProto(region) };
    }

    public override async Task<ListSubregionsResponse> ListSubregions(ListSubregionsRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var code = check.ParentAdminCode("parent_code", request.ParentCode);
        var pageSize = check.PageSize("page_size", request.PageSize, defaultSize: 100, maxSize: 1000);
        var after = check.PageToken("page_token", request.PageToken);
        check.ThrowIfInvalid();

        var page = await grains.GetParentRegion(code)!.ListSubregionsAsync(after, pageSize);
        var regions = await Task.WhenAll(page.Keys.Select(child => grains.GetRegion(AdminCode.Parse(child)).GetAsync()));
        return new ListSubregionsResponse
        {
            Regions = { regions.Select(RegionMapper.ToProto) },
            NextPageToken = PageToken.Encode(page.NextAfter),
        };
    }
}
