using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Microfinance.Silo.Api.Loans;
using Microfinance.Testing.Streams;
using static Microfinance.Api.Tests.Support.GatedDecisions;

namespace Microfinance.Api.Tests;

/// <summary>
/// The scheduling of a bank's stream on its own, without a host: decisions stand in for the grain
/// calls and finish only when a test opens their gate, so every wait below is on an event, not a time.
/// </summary>
public sealed class BankDecisionStreamTests
{
    private readonly ChannelStreamReader<StreamBankDecisionsRequest> _requests = new();
    private readonly ChannelStreamWriter<StreamBankDecisionsResponse> _responses = new();
    private readonly GatedDecisions _decisions = new();

    private Task RunAsync(int maxInFlight = BankDecisionStream.MaxInFlight, CancellationToken cancellation = default) =>
        new BankDecisionStream(_requests, _responses, _decisions.DecideAsync, cancellation, maxInFlight).RunAsync();

    [Fact]
    public async Task ALoansNextDecisionWaitsForItsPreviousOneWhileOtherLoansGoAhead()
    {
        var run = RunAsync();
        _requests.Send(Approval("a1", "LN-A"), Approval("a2", "LN-A"), Approval("b1", "LN-B"));
        _decisions.Open("b1");

        var first = await _responses.NextAsync();

        // a2 was read before b1, so had it not waited for a1 it would have started before b1's result.
        Assert.Equal("b1", first.RequestId);
        Assert.Equal(["a1", "b1"], _decisions.Started);
        _decisions.Open("a1", "a2");
        _requests.Complete();
        await run;
        Assert.Equal(["b1", "a1", "a2"], _responses.Written.Select(result => result.RequestId));
    }

    [Fact]
    public async Task NoFurtherDecisionIsReadWhileTheInFlightBoundIsReached()
    {
        var run = RunAsync(maxInFlight: 2);
        _requests.Send(Approval("a", "LN-A"), Approval("b", "LN-B"), Approval("c", "LN-C"));

        await _decisions.NextStartedAsync(2);

        Assert.Equal(2, _requests.Reads);
        _decisions.Open("a");
        Assert.Equal(["c"], await _decisions.NextStartedAsync(1));
        _decisions.Open("b", "c");
        _requests.Complete();
        await run;
        Assert.Equal(3, _responses.Written.Count);
    }

    [Fact]
    public async Task TheStreamEndsOnlyOnceEveryDecisionReadIsAnswered()
    {
        var run = RunAsync();
        _requests.Send(Approval("a", "LN-A"));
        await _decisions.NextStartedAsync(1);

        _requests.Complete();

        Assert.False(run.IsCompleted);
        _decisions.Open("a");
        await run;
        Assert.Equal("a", Assert.Single(_responses.Written).RequestId);
    }

    [Fact]
    public async Task DecisionsAlreadyReadStillFinishWhenTheClientCancelsAndTheirResultsAreDropped()
    {
        using var client = new CancellationTokenSource();
        var run = RunAsync(cancellation: client.Token);
        _requests.Send(Approval("a", "LN-A"), Approval("b", "LN-B"));
        await _decisions.NextStartedAsync(2);

        await client.CancelAsync();

        Assert.False(run.IsCompleted);
        _decisions.Open("a", "b");
        await run;
        Assert.Equal(["a", "b"], _decisions.Finished.Order());
        Assert.Empty(_responses.Written);
    }

    [Fact]
    public async Task AResultThatCannotBeWrittenStopsTheReadingAndFailsTheStreamOnceTheDecisionsReadAreDone()
    {
        var lost = new IOException("connection lost");
        var responses = new ChannelStreamWriter<StreamBankDecisionsResponse>(failWith: lost);
        var run = new BankDecisionStream(_requests, responses, _decisions.DecideAsync, CancellationToken.None).RunAsync();
        _requests.Send(Approval("a", "LN-A"), Approval("b", "LN-B"));
        await _decisions.NextStartedAsync(2);

        _decisions.Open("a", "b");

        // The client never closes its side: only the failure can end the reading.
        Assert.Same(lost, await Assert.ThrowsAsync<IOException>(() => run));
        Assert.Equal(["a", "b"], _decisions.Finished.Order());
    }
}
