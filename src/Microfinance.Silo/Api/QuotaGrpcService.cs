using Grpc.Core;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Regions;
using Microfinance.Api.V1;
using Microfinance.Domain.Regions;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using Microfinance.Silo.Security;

namespace Microfinance.Silo.Api;

/// <summary>gRPC face of the quotas the region grains hold.</summary>
public sealed class QuotaGrpcService(IGrainFactory grains) : QuotaService.QuotaServiceBase
{
    public override async Task<SetProvinceQuotaResponse> SetProvinceQuota(SetProvinceQuotaRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var province = check.AdminCode("province_code", request.ProvinceCode, AdminLevel.Province);
        var amount = check.NonNegativeAmount("amount_fen", request.AmountFen);

        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var position = await grains.Get<IProvinceGrain>(province.Value).SetAllocationAsync(amount, actor, requestId);
        return new SetProvinceQuotaResponse { Position = QuotaMapper.ToProto(position) };
    }

    public override async Task<AllocateQuotaResponse> AllocateQuota(AllocateQuotaRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var parent = check.ParentAdminCode("parent_code", request.ParentCode);
        var child = check.AdminCode("child_code", request.ChildCode);
        if (!check.HasViolation("parent_code") && !check.HasViolation("child_code") && child.Parent != parent)
        {
            check.Add("child_code", "must be a direct subregion of parent_code");
        }

        var amount = check.NonNegativeAmount("amount_fen", request.AmountFen);

        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var position = await grains.GetParentRegion(parent)!.AllocateAsync(child.Value, amount, actor, requestId);
        return new AllocateQuotaResponse { Position = QuotaMapper.ToProto(position) };
    }

    public override async Task<GetQuotaOverviewResponse> GetQuotaOverview(GetQuotaOverviewRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var code = check.AdminCode("region_code", request.RegionCode);
        check.ThrowIfInvalid();

        var own = await grains.GetRegion(code).GetQuotaAsync();
        var children = grains.GetParentRegion(code) is { } parent ? await QuotaUseReader.ListAllSubregionsAsync(parent) : [];
        var positions = await Task.WhenAll(children.Select(child => grains.GetRegion(AdminCode.Parse(child)).GetQuotaAsync()));
        var response = new GetQuotaOverviewResponse();
        if (code.Level == AdminLevel.Province)
        {
            response.Position = QuotaMapper.ToProto(own);
            response.SubregionPositions.Add(positions.Select(QuotaMapper.ToProto));
        }
        else
        {
            var reader = new QuotaUseReader(grains);
            var subregions = await Task.WhenAll(positions.Select(reader.WithUseAsync));
            response.Position = QuotaUseReader.WithUse(own, subregions);
            response.SubregionPositions.Add(subregions);
        }

        if (code.Level == AdminLevel.Township)
        {
            var share = await grains.Get<ITownshipGrain>(code.Value).GetLegalPersonShareAsync();
            response.LegalPersonShare = QuotaMapper.ToProto(share);
        }

        return response;
    }
}
