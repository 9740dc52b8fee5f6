using Google.Rpc;
using Microfinance.Domain.Errors;
using Microfinance.Silo.Api.Errors;

namespace Microfinance.Api.Tests;

public sealed class ErrorStatusTests
{
    public static TheoryData<DomainException, Code> Refusals => new()
    {
        { new NotFoundException("LOAN_NOT_FOUND", "Loan L does not exist."), Code.NotFound },
        { new AlreadyExistsException("LOAN_ALREADY_EXISTS", "Loan L already exists."), Code.AlreadyExists },
        { new RuleViolationException("VILLAGE_QUOTA_EXCEEDED", "No room."), Code.FailedPrecondition },
        { new TryAgainException("HOUSEHOLD_CAP_SETTLING", "Send it again."), Code.Unavailable },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void ARefusalKeepsItsReasonUnderTheCodeClientsActOn(DomainException refusal, Code code)
    {
        var status = ErrorStatus.Of(refusal);

        Assert.Equal((int)code, status.Code);
        Assert.Equal(refusal.Reason, Assert.Single(status.Details).Unpack<ErrorInfo>().Reason);
    }
}
