using System.Collections.Concurrent;
using Microfinance.Abstractions.Loans;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;

namespace Microfinance.Postgres.Tests.Lending;

/// <summary>
/// Originations on three silos over PostgreSQL while one silo is killed: every disbursement the
/// platform acknowledged is there exactly once, and every limit's counter equals the sum over the loans.
/// </summary>
public sealed class SiloFailureTests : IAsyncLifetime
{
    private const int Loans = 90;
    private const int InFlight = 12;

    private readonly FailoverCluster _cluster = new("mf_failover");

    private LendingCounty County => new(_cluster.Grains);

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task NoAcknowledgedDisbursementIsLostOrDoubledWhenASiloDies()
    {
        var households = await County.SetUpAsync(Loans);
        var acknowledged = new ConcurrentDictionary<string, Money>();
        using var inFlight = new SemaphoreSlim(InFlight);
        var originations = households.Select(async (household, i) =>
        {
            await inFlight.WaitAsync();
            try
            {
                await OriginateWithRetriesAsync($"L-{i:000}", household, LendingCounty.Amount(i), acknowledged);
            }
            finally
            {
                inFlight.Release();
            }
        }).ToList();
        while (acknowledged.Count < Loans / 5 && !originations.Any(origination => origination.IsFaulted))
        {
            await Task.Delay(20);
        }

        await _cluster.KillASiloAsync();
        await Task.WhenAll(originations);

        var loans = await Task.WhenAll(Enumerable.Range(0, Loans).Select(i => _cluster.Grains.GetGrain<ILoanGrain>($"L-{i:000}").GetAsync()));
        Assert.Equal(Loans, acknowledged.Count);
        Assert.All(loans, loan => Assert.Equal(LoanStage.Disbursed, loan.Stage));
        Assert.All(loans, loan => Assert.Equal(acknowledged[loan.LoanId], loan.Application.Amount));
        await County.AssertCountersEqualTheLoansAsync(loans);
    }

    /// <summary>What a bank's integration does: repeat each step with its request id until it is answered.</summary>
    private async Task OriginateWithRetriesAsync(string loanId, string household, Money amount, ConcurrentDictionary<string, Money> acknowledged)
    {
        var loan = await County.ApplyAndReviewAsync(loanId, household, amount);
        var approved = await Retry.UntilAnsweredAsync(() => loan.ApproveAsync(null, "信贷员", $"{loanId}-approve"));
        var disbursed = await Retry.UntilAnsweredAsync(() => loan.RecordDisbursementAsync(approved.ApprovalDate!.Value, "信贷员", $"{loanId}-disburse"));
        Assert.True(acknowledged.TryAdd(loanId, disbursed.Application.Amount));
    }
}
