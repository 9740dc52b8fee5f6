using System.Globalization;
using Grpc.Core;
using Microfinance.Api.V1;
using Microfinance.Silo.Api.Validation;
using Microfinance.Silo.Audit;
using Microfinance.Storage.Audit;
using AuditRecordMessage = Microfinance.Api.V1.AuditRecord;

namespace Microfinance.Silo.Api;

/// <summary>gRPC face of the audit trail: read-only, newest record first.</summary>
public sealed class AuditGrpcService(IAuditTrail trail) : AuditService.AuditServiceBase
{
    public override async Task<ListAuditRecordsResponse> ListAuditRecords(ListAuditRecordsRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var region = check.AdminCode("region_code", request.RegionCode);
        var entityId = request.EntityId.Trim();
        if (!AuditEntityKinds.IsKnown(request.EntityKind) && request.EntityKind != AuditEntityKind.Unspecified)
        {
            check.Add("entity_kind", "is not a kind of entity this version knows");
        }
        else if (entityId.Length > 0 && request.EntityKind == AuditEntityKind.Unspecified)
        {
            check.Add("entity_kind", "is required with entity_id");
        }

        var from = check.OptionalTime("from_time", request.FromTime);
        var until = check.OptionalTime("to_time", request.ToTime);
        if (from > until)
        {
            check.Add("to_time", "must not be before from_time");
        }

        var pageSize = check.PageSize("page_size", request.PageSize, defaultSize: 100, maxSize: 500);
        var before = check.SequencePageToken("page_token", request.PageToken);
        check.ThrowIfInvalid();

        var page = await trail.ListAsync(new AuditQuery(
            region.ShortForm,
            request.EntityKind == AuditEntityKind.Unspecified ? null : AuditEntityKinds.NameOf(request.EntityKind),
            entityId.Length == 0 ? null : entityId,
            from,
            until,
            pageSize,
            before));
        return new ListAuditRecordsResponse
        {
            Records = { page.Records.Select(stored => ToProto(stored.Record)) },
            NextPageToken = PageToken.Encode(page.NextBefore?.ToString(CultureInfo.InvariantCulture)),
        };
    }

    private static AuditRecordMessage ToProto(Storage.Audit.AuditRecord record) => new()
    {
        Time = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(record.Time),
        Actor = record.Actor,
        Role = record.Role,
        Method = record.Method,
        RequestId = record.RequestId,
        EntityKind = AuditEntityKinds.Parse(record.EntityKind),
        EntityId = record.EntityId,
        RegionCode = record.Region,
        Outcome = record.Outcome,
        Reason = record.Reason ?? "",
    };
}
