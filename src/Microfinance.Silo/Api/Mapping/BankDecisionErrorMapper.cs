using Google.Rpc;
using Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>
/// Maps the status a unary call fails with to the error in a bank's stream that stands for it, so a
/// streamed decision reports the code, reason and bad fields its unary call would.
/// </summary>
public static class BankDecisionErrorMapper
{
    public static BankDecisionError ToProto(Google.Rpc.Status status) => new()
    {
        Code = status.Code,
        Message = status.Message,
        Reason = status.GetDetail<ErrorInfo>()?.Reason ?? "",
        FieldViolations =
        {
            (status.GetDetail<BadRequest>()?.FieldViolations ?? []).Select(violation => new BankDecisionFieldViolation
            {
                Field = violation.Field,
                Description = violation.Description,
            }),
        },
    };
}
