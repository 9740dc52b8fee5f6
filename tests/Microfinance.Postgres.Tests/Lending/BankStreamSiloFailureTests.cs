using Microfinance.Abstractions.Loans;
using Microfinance.Grains.Common;
using Microfinance.Silo.Api.Loans;
using Microfinance.Silo.Audit;
using Microfinance.Silo.Security;
using Microfinance.Storage.Audit;
using Microsoft.Extensions.Logging.Abstractions;
using DomainStage = Microfinance.Domain.Loans.LoanStage;

namespace Microfinance.Postgres.Tests.Lending;

/// <summary>
/// A bank's approvals and disbursements over two streams on three silos over PostgreSQL, one silo killed
/// mid-stream and the stream it served cut with it: after the bank sent again whatever got an error or no
/// result, with the same request ids, every decision acknowledged is applied exactly once, and every
/// limit's counter equals the sum over the loans.
/// </summary>
public sealed class BankStreamSiloFailureTests : IAsyncLifetime
{
    private const int Loans = 120;

    private readonly FailoverCluster _cluster = new("mf_failover_stream");

    private LendingCounty County => new(_cluster.Grains);

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task EveryDecisionAcknowledgedInABanksStreamIsAppliedOnceWhenASiloDiesMidStream()
    {
        var bank = await CountyReviewedLoansAsync();
        using var connection = new CancellationTokenSource();
        var onTheDyingSilo = bank.Send(connection.Token, stream: 0, streams: 2);
        var onAnotherSilo = bank.Send(CancellationToken.None, stream: 1, streams: 2);
        await onTheDyingSilo.DisbursedAsync(Loans / 10); // a fifth of its loans

        // A bank's stream is served by one silo's gRPC endpoint and goes down with it; served here beside
        // the cluster's client, it is cut by hand as the silo dies. What the server had read still runs
        // to the end, against a cluster losing the silo, as does the stream on another silo.
        await connection.CancelAsync();
        await _cluster.KillASiloAsync();
        await onAnotherSilo.Served;
        bank.Take(onTheDyingSilo);
        bank.Take(onAnotherSilo);
        var sentAgain = await bank.SendAgainUntilSettledAsync();
        await onTheDyingSilo.Served;

        var loans = (await Task.WhenAll(Enumerable.Range(0, Loans).Select(i => _cluster.Grains.GetGrain<ILoanGrain>(LoanId(i)).GetAsync())))
            .ToDictionary(loan => loan.LoanId);
        Assert.True(sentAgain > 0, "the cut stream left no decision to send again");
        Assert.Equal(2 * Loans, bank.Acknowledged.Count);
        Assert.All(loans.Values, loan => Assert.Equal(DomainStage.Disbursed, loan.Stage));
        Assert.All(bank.Acknowledged, acknowledged =>
        {
            var loan = loans[acknowledged.Value.LoanId];
            Assert.Single(loan.History, change => change.RequestId == acknowledged.Key);
            Assert.Equal(loan.Application.Amount.Fen, acknowledged.Value.Application.AmountFen);
        });
        Assert.All(loans.Values, loan => Assert.Single(loan.History, change => change.Stage == DomainStage.Approved));
        Assert.All(loans.Values, loan => Assert.Single(loan.History, change => change.Stage == DomainStage.Disbursed));
        await County.AssertCountersEqualTheLoansAsync([.. loans.Values]);
    }

    /// <summary>The county set up and a loan per household brought to county-reviewed, for the bank to approve and disburse.</summary>
    private async Task<StreamingBank> CountyReviewedLoansAsync()
    {
        var households = await County.SetUpAsync(Loans);
        await Task.WhenAll(households.Select((household, i) => County.ApplyAndReviewAsync(LoanId(i), household, LendingCounty.Amount(i))));
        var clock = new BusinessClock(TimeProvider.System);
        var access = new AccessPolicy(new EntityScopes(_cluster.Grains));
        var audit = new AuditRecorder(new MemoryAuditTrail(), clock);
        var runner = new BankDecisionRunner(new LoanDecisionRequests(_cluster.Grains), access, audit, clock, NullLogger<BankDecisionRunner>.Instance);
        var officer = new Caller("rcc-core-system", Role.BankOfficer, [LendingCounty.County], LendingCounty.Bank);
        var bank = new StreamingBank(runner, officer, clock.CalendarToday);
        for (var i = 0; i < Loans; i++)
        {
            bank.Lend(LoanId(i));
        }

        return bank;
    }

    private static string LoanId(int i) => $"L-{i:000}";
}
