using System.Collections.Concurrent;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Policies;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;
using Microfinance.Postgres.Tests.Registry;
using Orleans.TestingHost;

namespace Microfinance.Postgres.Tests.Lending;

/// <summary>
/// Originations on three silos over PostgreSQL while one silo is killed: every disbursement the
/// platform acknowledged is there exactly once, and every limit's counter equals the sum over the loans.
/// </summary>
public sealed class SiloFailureTests : IAsyncLifetime
{
    private const string Bank = "RCC";
    private const int Loans = 90;
    private const int InFlight = 12;
    private static readonly AdminCode County = AdminCode.Parse("530124");
    private static readonly AdminCode[] Villages = [AdminCode.Parse("530124101001"), AdminCode.Parse("530124101002")];

    private MigratedDatabase? _database;
    private TestCluster? _cluster;

    private IGrainFactory Grains => _cluster!.GrainFactory;

    public async Task InitializeAsync()
    {
        _database = await MigratedDatabase.CreateAsync("mf_failover");
        _cluster = await PlatformCluster.StartAsync(_database.SiloConnectionString, silos: 3);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task NoAcknowledgedDisbursementIsLostOrDoubledWhenASiloDies()
    {
        var households = await SetUpCountyAsync();
        var acknowledged = new ConcurrentDictionary<string, Money>();
        using var inFlight = new SemaphoreSlim(InFlight);
        var originations = households.Select(async (household, i) =>
        {
            await inFlight.WaitAsync();
            try
            {
                await OriginateWithRetriesAsync($"L-{i:000}", household, Amount(i), acknowledged);
            }
            finally
            {
                inFlight.Release();
            }
        }).ToList();
        while (acknowledged.Count < Loans / 5)
        {
            await Task.Delay(20);
        }

        await _cluster!.KillSiloAsync(_cluster.SecondarySilos[0]);
        await Task.WhenAll(originations);

        var loans = await Task.WhenAll(Enumerable.Range(0, Loans).Select(i => Grains.GetGrain<ILoanGrain>($"L-{i:000}").GetAsync()));
        Assert.Equal(Loans, acknowledged.Count);
        Assert.All(loans, loan => Assert.Equal(LoanStage.Disbursed, loan.Stage));
        Assert.All(loans, loan => Assert.Equal(acknowledged[loan.LoanId], loan.Application.Amount));
        foreach (var village in Villages)
        {
            var quota = await Grains.GetGrain<IVillageGrain>(village.Value).GetQuotaAsync();
            Assert.Equal(Sum(loans.Where(loan => loan.Village == village)), quota.Used);
            Assert.Equal(Money.Zero, quota.Reserved);
        }

        var fund = await Grains.GetGrain<IFundAccountGrain>(FundAccountId.For(County, Bank)).GetPositionAsync();
        Assert.Equal(new Money(loans.Sum(loan => loan.FundBacked.Fen)), fund.Outstanding);
        Assert.Equal(Money.Zero, fund.Reserved);
        foreach (var loan in loans)
        {
            var held = await Grains.GetGrain<IHouseholdGrain>(loan.Application.Borrower).ListLoansAsync();
            Assert.Equal([new HouseholdLoan(loan.LoanId, loan.Application.Amount, HouseholdLoanStatus.Disbursed, false)], held);
        }
    }

    /// <summary>What a bank's integration does: repeat each step with its request id until it is answered.</summary>
    private async Task OriginateWithRetriesAsync(string loanId, string household, Money amount, ConcurrentDictionary<string, Money> acknowledged)
    {
        var loan = Grains.GetGrain<ILoanGrain>(loanId);
        var application = new LoanApplication(household, Bank, amount, 24, "种植烤烟", "种植业", null);
        await RetryAsync(() => loan.ApplyAsync(application, "户主", $"{loanId}-apply"));
        await RetryAsync(() => loan.ReviewAsync(LoanParty.Village, "村委会", "", $"{loanId}-village"));
        await RetryAsync(() => loan.ReviewAsync(LoanParty.Township, "乡镇", "", $"{loanId}-township"));
        await RetryAsync(() => loan.ReviewAsync(LoanParty.County, "县", "", $"{loanId}-county"));
        await RetryAsync(() => loan.ApproveAsync(null, "信贷员", $"{loanId}-approve"));
        var disbursed = await RetryAsync(() => loan.RecordDisbursementAsync(new DateOnly(2026, 3, 20), "信贷员", $"{loanId}-disburse"));
        Assert.True(acknowledged.TryAdd(loanId, disbursed.Application.Amount));
    }

    /// <remarks>Setup retries too: a client's first calls may reach a gateway that is still starting.</remarks>
    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception failure) when (failure is not DomainException && attempt < 30)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * Math.Min(attempt, 10)));
            }
        }
    }

    private async Task<List<string>> SetUpCountyAsync()
    {
        foreach (var (code, name) in new[] { ("53", "云南省"), ("530124", "富民县"), ("530124101", "款庄镇") })
        {
            await RetryAsync(() => Grains.GetRegion(AdminCode.Parse(code)).CreateAsync(name, $"create-{code}"));
        }

        foreach (var village in Villages)
        {
            await RetryAsync(() => Grains.GetRegion(village).CreateAsync("村", $"create-{village}"));
        }

        var plenty = Money.FromYuan(100_000_000m);
        await RetryAsync(() => Grains.GetGrain<IProvinceGrain>("530000000000").SetAllocationAsync(plenty, "省乡村振兴局", "quota-province"));
        await RetryAsync(() => Grains.GetGrain<IProvinceGrain>("530000000000").AllocateAsync(County.Value, plenty, "省乡村振兴局", "quota-county"));
        await RetryAsync(() => Grains.GetGrain<ICountyGrain>(County.Value).AllocateAsync("530124101000", plenty, "省乡村振兴局", "quota-township"));
        foreach (var village in Villages)
        {
            await RetryAsync(() => Grains.GetGrain<ITownshipGrain>("530124101000").AllocateAsync(village.Value, Money.FromYuan(10_000_000m), "省乡村振兴局", $"quota-{village}"));
        }

        await RetryAsync(() => Grains.GetGrain<ICountyPolicyGrain>(County.Value).AddVersionAsync(CountyPolicy.Default5321(new DateOnly(2020, 1, 1)), "县", "policy"));
        var fund = Grains.GetGrain<IFundAccountGrain>(FundAccountId.For(County, Bank));
        await RetryAsync(() => fund.OpenAsync(County, Bank, "农村信用合作社", "县财政局", "open"));
        await RetryAsync(() => fund.RecordAsync(FundEntryKind.CountyDeposit, Money.FromYuan(10_000_000m), "注资", "县财政局", "deposit"));

        var households = new List<string>();
        for (var i = 0; i < Loans; i++)
        {
            var registryNumber = $"H{i:000}";
            var profile = new HouseholdProfile("户主", ResidentIdFor(i), [], HouseholdCategory.RegisteredPoor, LaborCapacity.Ordinary, 3);
            await RetryAsync(() => Grains.GetGrain<IHouseholdGrain>(registryNumber).RegisterAsync(Villages[i % Villages.Length], profile, $"register-{i}"));
            households.Add(registryNumber);
        }

        return households;
    }

    private static Money Amount(int i) => Money.FromYuan(1_000m + 100m * i);

    private static Money Sum(IEnumerable<LoanRecord> loans) => new(loans.Sum(loan => loan.Application.Amount.Fen));

    private static ResidentId ResidentIdFor(int i) => ResidentId.Compose("530124", new DateOnly(1980, 1, 1), i);
}
