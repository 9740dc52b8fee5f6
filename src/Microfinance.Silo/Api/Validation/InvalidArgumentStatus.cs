using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using FieldViolation = Google.Rpc.BadRequest.Types.FieldViolation;

namespace Microfinance.Silo.Api.Validation;

/// <summary>
/// The INVALID_ARGUMENT status of a refused request: its violations in the message and in a
/// <see cref="BadRequest"/> detail. A status travels in HTTP/2 trailers, which clients cap (64 KB in
/// Grpc.Net.Client), so it lists a bounded number of violations, each cut short.
/// </summary>
public static class InvalidArgumentStatus
{
    /// <summary>The most violations one refusal lists: enough to fix a request.</summary>
    private const int MaxReported = 20;

    /// <summary>The longest field path or description repeated; a description may quote what was sent.</summary>
    private const int MaxLength = 200;

    public static Google.Rpc.Status Of(IReadOnlyList<FieldViolation> violations)
    {
        var reported = violations.Take(MaxReported).Select(Shortened).ToList();
        var more = violations.Count > MaxReported ? $"; and {violations.Count - MaxReported} more" : "";
        var summary = string.Join("; ", reported.Select(v => $"{v.Field}: {v.Description}"));
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"Invalid request: {summary}{more}.",
            Details = { Any.Pack(new BadRequest { FieldViolations = { reported } }) },
        };
    }

    private static FieldViolation Shortened(FieldViolation violation) =>
        violation.Description.Length <= MaxLength && violation.Field.Length <= MaxLength
            ? violation
            : new FieldViolation { Field = Cut(violation.Field), Description = Cut(violation.Description) };

    private static string Cut(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + "…";
}
