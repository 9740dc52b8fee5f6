using Google.Protobuf.WellKnownTypes;
using Microfinance.Abstractions.Regions;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>Maps regions to the proto contract.</summary>
public static class RegionMapper
{
    public static Proto.Region ToProto(RegionRecord region) => new()
    {
        Code = region.Code.Value,
        Name = region.Name,
        Level = ProtoEnums.ToProto(region.Code.Level),
        ParentCode = region.Code.Parent?.Value ?? "",
        CreateTime = Timestamp.FromDateTimeOffset(region.CreatedAt),
        CreditDesignation = region.Credit is { } credit
            ? new Proto.CreditDesignation { Document = credit.Document, SinceDate = IsoDate.Format(credit.Since) }
            : null,
    };
}
