using Grpc.Core;
using Microfinance.Grains.Common;
using Microfinance.Silo.Security;
using Microfinance.Storage.Audit;

namespace Microfinance.Silo.Audit;

/// <summary>
/// Writes one audit record per change asked of the platform, from what admission learnt (the
/// caller and the regions touched) and what came of it.
/// </summary>
public sealed class AuditRecorder(IAuditTrail trail, BusinessClock clock)
{
    private static readonly Google.Protobuf.Reflection.EnumDescriptor Codes = Google.Rpc.CodeReflection.Descriptor.EnumTypes.Single();

    /// <summary>Records a change and its outcome; completes once the record is durable.</summary>
    /// <param name="touched">The regions the request touched, if admission got as far as finding them.</param>
    public Task RecordAsync(
        Caller caller, string method, string requestId, AuditSubject subject, IReadOnlyList<AccessTarget>? touched, StatusCode outcome, string? reason) =>
        trail.AppendAsync(new AuditRecord(
            clock.Now,
            caller.Subject,
            RoleNames.Of(caller.Role),
            method,
            requestId,
            AuditEntityKinds.NameOf(subject.Kind),
            subject.Id,
            RegionOf(caller, touched),
            OutcomeName(outcome),
            reason));

    /// <summary>The status code's name as google.rpc.Code spells it: <c>PERMISSION_DENIED</c>.</summary>
    public static string OutcomeName(StatusCode code) => Codes.FindValueByNumber((int)code)?.Name ?? code.ToString();

    private static string RegionOf(Caller caller, IReadOnlyList<AccessTarget>? touched) =>
        touched is [var first, ..] ? first.Region.ShortForm
        : caller.Areas is [var area, ..] ? area.ShortForm
        : "";
}
