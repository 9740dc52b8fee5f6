using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;
using Microfinance.Postgres.Tests.Registry;
using Microfinance.Testing.Logging;

namespace Microfinance.Postgres.Tests.Lending;

/// <summary>
/// A loan-book page on real PostgreSQL: a loan's tally change delivered again after the whole
/// cluster restarted is recognised by its sequence, and the county's tallies, rebuilt from the pages,
/// count it once.
/// </summary>
public sealed class LoanBookRedeliveryTests : IAsyncLifetime
{
    private static readonly AdminCode Village = AdminCode.Parse("530124101001");
    private static readonly LoanBookKey Page = new(Village, "RCC", 2026);

    private MigratedDatabase? _database;

    public async Task InitializeAsync() => _database = await MigratedDatabase.CreateAsync("mf_loanbook");

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        ResidentIdLogScan.Instance.ThrowIfFound();
    }

    [Fact]
    public async Task AChangeDeliveredAgainAfterARestartIsCountedOnce()
    {
        var disbursed = new LoanTallyDelta(
            "L-1", 1, Village, Village.Township, "RCC", null, new TallyContribution(OverdueBucket.Current, Money.FromYuan(20_000m), Money.FromYuan(20_000m)));
        var aged = disbursed with
        {
            Sequence = 2,
            Before = disbursed.After,
            After = new TallyContribution(OverdueBucket.Days1To30, Money.FromYuan(20_000m), Money.FromYuan(20_000m)),
        };
        await using (var first = await PlatformCluster.StartAsync(_database!.SiloConnectionString))
        {
            await first.GrainFactory.GetGrain<ILoanBookGrain>(Page.ToString()).RecordAsync([disbursed, aged], []);
            await first.StopAllSilosAsync();
        }

        await using var second = await PlatformCluster.StartAsync(_database.SiloConnectionString);
        var page = second.GrainFactory.GetGrain<ILoanBookGrain>(Page.ToString());
        await page.RecordAsync([disbursed], []);
        await page.RecordAsync([aged], []);

        var books = await second.GrainFactory.GetGrain<ICountyBooksGrain>(Village.County.Value).GetAsync();
        var county = books.Tallies["county"];
        Assert.Equal(0, county.Loans.GetValueOrDefault(OverdueBucket.Current));
        Assert.Equal(1, county.Loans[OverdueBucket.Days1To30]);
        Assert.Equal(Money.FromYuan(20_000m), county.Outstanding);
        Assert.Equal(2, books.Revision);
    }
}
