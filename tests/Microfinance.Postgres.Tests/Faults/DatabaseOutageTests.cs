using System.Collections.Concurrent;
using Grpc.Core;
using Microfinance.Abstractions.Loans;
using Microfinance.Api.V1;
using Microfinance.Postgres.Tests.Lending;
using Microfinance.Schema;
using Microfinance.Silo.Security;
using DomainStage = Microfinance.Domain.Loans.LoanStage;

namespace Microfinance.Postgres.Tests.Faults;

/// <summary>
/// The database stops for longer than half a minute while originations stream in over gRPC, then
/// starts again. Callers are told UNAVAILABLE meanwhile and retry with the same request ids, as a
/// provincial platform would; the same silo, never restarted, serves them again once the database
/// is back; every origination ends disbursed exactly once and every counter equals its loans.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private const int Loans = 60;
    private const int InFlight = 6;
    private const int AcknowledgedBeforeTheOutage = 10;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(32);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentBag<string> _unexpected = [];
    private readonly ConcurrentDictionary<string, int> _acknowledged = new();
    private PrivatePostgres _database = null!;
    private PostgresProfileHost _host = null!;
    private int _unavailable;

    public async Task InitializeAsync()
    {
        _database = await PrivatePostgres.StartAsync();
        await new SchemaMigrator(_database.ConnectionString).MigrateAsync(grantToRole: null, CancellationToken.None);
        _host = await PostgresProfileHost.StartAsync(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task CallersAreToldToRetryWhileTheDatabaseIsDownAndNothingAcknowledgedIsLost()
    {
        var county = new LendingCounty(_host.Grains);
        var households = await county.SetUpAsync(Loans);
        var loans = new LoanService.LoanServiceClient(
            _host.ChannelWith(_host.Tokens.Issue("provincial-platform", Role.ProvinceAdministrator, ["53"])));

        using var slots = new SemaphoreSlim(InFlight);
        var originations = Task.WhenAll(households.Select(async (household, i) =>
        {
            await slots.WaitAsync();
            try
            {
                await OriginateAsync(loans, $"L-{i:000}", household, LendingCounty.Amount(i).Fen);
            }
            finally
            {
                slots.Release();
            }
        }));

        while (_acknowledged.Count < AcknowledgedBeforeTheOutage && !originations.IsCompleted)
        {
            await Task.Delay(50);
        }

        await _database.StopServerAsync();
        var acknowledgedBeforeTheOutage = _acknowledged.Count;
        await Task.Delay(Outage);
        await _database.StartServerAsync();
        await originations.WaitAsync(TimeSpan.FromMinutes(5));

        Assert.Empty(_unexpected);
        Assert.True(acknowledgedBeforeTheOutage < Loans, "the outage came before every origination was done");
        Assert.True(_unavailable > 0, "callers were told UNAVAILABLE while the database was down");
        var records = await Task.WhenAll(Enumerable.Range(0, Loans).Select(i => _host.Grains.GetGrain<ILoanGrain>($"L-{i:000}").GetAsync()));
        Assert.All(records, loan =>
        {
            Assert.Single(loan.History, change => change.Stage == DomainStage.Approved);
            Assert.Single(loan.History, change => change.Stage == DomainStage.Disbursed);
        });
        await county.AssertCountersEqualTheLoansAsync(records);
    }

    /// <summary>户申请 → 村初审 → 乡审核 → 县复查 → 银行审批 → 放款, each step retried under its own request id until acknowledged.</summary>
    private async Task OriginateAsync(LoanService.LoanServiceClient loans, string loanId, string household, long amountFen)
    {
        await UntilAcknowledgedAsync(() => loans.ApplyForLoanAsync(new ApplyForLoanRequest
        {
            RequestId = $"{loanId}-apply",
            LoanId = loanId,
            Application = new LoanApplication
            {
                RegistryNumber = household,
                BankCode = LendingCounty.Bank,
                AmountFen = amountFen,
                TermMonths = 24,
                Purpose = "种植烤烟",
                Industry = "种植业",
            },
        }).ResponseAsync);
        foreach (var party in new[] { LoanParty.Village, LoanParty.Township, LoanParty.County })
        {
            await UntilAcknowledgedAsync(() => loans.ReviewLoanAsync(
                new ReviewLoanRequest { RequestId = $"{loanId}-{party}", LoanId = loanId, Party = party }).ResponseAsync);
        }

        await UntilAcknowledgedAsync(() => loans.ApproveLoanAsync(new ApproveLoanRequest { RequestId = $"{loanId}-approve", LoanId = loanId }).ResponseAsync);
        await UntilAcknowledgedAsync(() => loans.RecordDisbursementAsync(new RecordDisbursementRequest
        {
            RequestId = $"{loanId}-disburse",
            LoanId = loanId,
            DisbursedDate = _host.Clock.CalendarToday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }).ResponseAsync);
        _acknowledged.AddOrUpdate(loanId, 1, (_, count) => count + 1);
    }

    private async Task UntilAcknowledgedAsync<T>(Func<Task<T>> call)
    {
        while (true)
        {
            try
            {
                await call();
                return;
            }
            catch (RpcException unavailable) when (unavailable.StatusCode == StatusCode.Unavailable)
            {
                Interlocked.Increment(ref _unavailable);
                await Task.Delay(RetryPause);
            }
            catch (RpcException other)
            {
                _unexpected.Add($"{other.StatusCode}: {other.Status.Detail}");
                throw;
            }
        }
    }
}
