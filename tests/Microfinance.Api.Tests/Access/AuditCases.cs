using Microfinance.Api.V1;
using static Microfinance.Api.Tests.Access.CaseBuilder;

namespace Microfinance.Api.Tests.Access;

/// <summary>The matrix row of the audit trail.</summary>
public static class AuditCases
{
    public static IEnumerable<RpcCase> All()
    {
        yield return Read(AuditService.Descriptor, "ListAuditRecords", AllowedCallers.Auditors, world => Call(caller =>
            new AuditService.AuditServiceClient(caller).ListAuditRecordsAsync(new ListAuditRecordsRequest { RegionCode = world.County.County })));
    }
}
