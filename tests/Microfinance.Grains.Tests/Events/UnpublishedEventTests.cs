using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Serialization;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Grains.Common;
using Microfinance.Grains.Tests.Support;
using Microfinance.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Microfinance.Grains.Tests.Events;

/// <summary>
/// On a silo whose county event stream cannot be reached (it has no stream provider at all), every
/// publish fails: the business calls succeed regardless, since their changes are already durable.
/// </summary>
public sealed class UnpublishedEventTests : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    private IGrainFactory Grains => _cluster!.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton(new BusinessClock(TimeProvider.System));
            silo.Services.AddMicrofinanceSerialization();
            silo.Services.AddLogging(ResidentIdLogScan.AddTo);
        });
        builder.ConfigureClient(client => client.Services.AddMicrofinanceSerialization().AddLogging(ResidentIdLogScan.AddTo));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        ResidentIdLogScan.Instance.ThrowIfFound();
    }

    [Fact]
    public async Task ADepositIsRecordedWhenItsEventCannotBePublished()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var fund = Grains.GetGrain<IFundAccountGrain>(FundAccountId.For(county, "RCC"));
        await fund.OpenAsync(county, "RCC", "信用社", "县财政局", "open");

        var position = await fund.RecordAsync(FundEntryKind.CountyDeposit, Money.FromYuan(1_000_000m), "县级配套", "县财政局", "deposit");

        Assert.Equal(Money.FromYuan(1_000_000m), position.Balance);
        Assert.Single(await fund.GetLedgerAsync());
    }
}
