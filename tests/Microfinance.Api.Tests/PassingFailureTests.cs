using Microfinance.Silo.Api.Errors;
using Orleans.Storage;

namespace Microfinance.Api.Tests;

/// <summary>Which failures the API answers UNAVAILABLE ("retry with the same request_id") rather than INTERNAL.</summary>
public sealed class PassingFailureTests
{
    public static TheoryData<Exception> Passing => new()
    {
        new TimeoutException("The call timed out."),
        new SiloUnavailableException("The silo is gone."),
        new InconsistentStateException("Version conflict.", "9", "10"),
        new OrleansException("Error from storage provider.", new InconsistentStateException("Version conflict.", "9", "10")),
    };

    [Theory]
    [MemberData(nameof(Passing))]
    public void AFailureThatPassesByItselfIsOneToRetry(Exception failure) => Assert.True(DomainErrorInterceptor.IsPassing(failure));

    [Fact]
    public void AnUnexpectedFailureIsNot() => Assert.False(DomainErrorInterceptor.IsPassing(new InvalidOperationException("A bug.")));
}
