using Microfinance.Abstractions.Quotas;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>Maps quota positions to the proto contract.</summary>
public static class QuotaMapper
{
    public static Proto.QuotaPosition ToProto(QuotaPosition position) => new()
    {
        RegionCode = position.Region.Value,
        AllocatedFen = position.Allocated.Fen,
        AllocatedToSubregionsFen = position.AllocatedToSubregions.Fen,
        ReservedFen = position.Reserved.Fen,
        UsedFen = position.Used.Fen,
        AvailableFen = position.Available.Fen,
    };
}
