using Microfinance.Domain.Errors;
using Microfinance.Grains.Common;

namespace Microfinance.Grains.Tests.Common;

public sealed class RequestLogTests
{
    private static readonly RequestFingerprint Content = new(1, 2);

    [Fact]
    public void AnUnknownRequestIdIsNoReplay()
    {
        var log = new RequestLog();

        var replay = log.IsReplay("pay-1", Content, "loan");

        Assert.False(replay);
    }

    [Fact]
    public void ARequestIdRecordedWithTheSameContentIsAReplay()
    {
        var log = new RequestLog();
        log.Record("pay-1", Content);

        var replay = log.IsReplay("pay-1", Content, "loan");

        Assert.True(replay);
    }

    [Fact]
    public void ARequestIdRecordedWithOtherContentIsRefusedAsReused()
    {
        var log = new RequestLog();
        log.Record("pay-1", Content);

        var refusal = Assert.Throws<RuleViolationException>(() => log.IsReplay("pay-1", new RequestFingerprint(1, 3), "loan"));

        Assert.Equal("REQUEST_ID_REUSED", refusal.Reason);
        Assert.Equal("Request id pay-1 was already used for a different request to this loan.", refusal.Message);
    }

    [Fact]
    public void AnEmptyRequestIdIsNeitherRememberedNorAReplay()
    {
        var log = new RequestLog();
        log.Record("", Content);

        var replay = log.IsReplay("", new RequestFingerprint(1, 3), "loan");

        Assert.False(replay);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public void TheLogForgetsTheOldestRequestIdBeyondItsCapacity()
    {
        var log = new RequestLog();
        for (var i = 0; i <= RequestLog.Capacity; i++)
        {
            log.Record($"req-{i}", new RequestFingerprint(0, (ulong)i));
        }

        var (oldest, next) = (log.IsReplay("req-0", Content, "loan"), log.IsReplay("req-1", new RequestFingerprint(0, 1), "loan"));

        Assert.Equal(RequestLog.Capacity, log.Requests.Count);
        Assert.Equal((false, true), (oldest, next));
    }
}
