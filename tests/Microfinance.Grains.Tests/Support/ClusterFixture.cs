using Microfinance.Abstractions.Calendar;
using Microfinance.Abstractions.Serialization;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;
using Microfinance.Grains;
using Microfinance.Grains.Calendar;
using Microfinance.Grains.Common;
using Microfinance.Grains.Events;
using Microfinance.Grains.Households;
using Microfinance.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Providers;
using Orleans.TestingHost;

namespace Microfinance.Grains.Tests.Support;

/// <summary>
/// One in-process cluster of two silos with memory storage and the county event streams (which
/// the client can subscribe to), shared by the grain tests, on a clock the tests control (a practice environment, whose counties a test may move ahead): it starts
/// on 2026-03-16 (inside the older policy's January–June lending window) and only ever moves forward.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 16, 2, 0, 0, TimeSpan.Zero));

    /// <summary>Each silo's business clock.</summary>
    public IReadOnlyList<BusinessClock> SiloClocks =>
        _cluster?.Silos.Select(silo => silo.ServiceProvider.GetRequiredService<BusinessClock>()).ToList()
        ?? throw new InvalidOperationException("Cluster not started.");

    public IClusterClient Client => _cluster?.Client ?? throw new InvalidOperationException("Cluster not started.");

    /// <summary>The claim grains' key on both silos: one pepper, so a claim made on one is found on the other.</summary>
    public IResidentIdKey ClaimKey { get; } = ResidentIdKey.CreateRandom();

    /// <summary>Today's business date (China Standard Time) on the test clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().AddHours(8).DateTime);

    /// <summary>Today's business date in <paramref name="region"/>, as the silos keep it (a county may run ahead on the practice clock).</summary>
    public DateOnly TodayIn(AdminCode region) => SiloClocks[0].TodayIn(region);

    /// <summary>Moves <paramref name="county"/>'s business date forward to <paramref name="day"/> on the practice clock, leaving every other county's.</summary>
    public Task MoveCountyToAsync(AdminCode county, DateOnly day) =>
        Client.GetGrain<IPracticeClockGrain>(IPracticeClockGrain.Key).MoveToAsync(county, day, "练习环境运维", Guid.NewGuid().ToString());

    /// <summary>
    /// Moves <paramref name="county"/> forward on the practice clock to the first day from today that
    /// <paramref name="window"/> holds: the tests that share this cluster move its clock, so a test of
    /// a policy with a lending window cannot count on the date it starts on.
    /// </summary>
    public async Task MoveCountyIntoAsync(AdminCode county, LendingWindow window)
    {
        var today = TodayIn(county);
        var day = today;
        while (!window.Contains(day))
        {
            day = day.AddDays(1);
        }

        if (day != today)
        {
            await MoveCountyToAsync(county, day);
        }
    }

    /// <summary>Moves the clock forward to 10:00 China time on <paramref name="day"/>; never back.</summary>
    public void MoveTo(DateOnly day)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
        if (target > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(target);
        }
    }

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.AddMemoryGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME);
            silo.AddCountyEventStreams();
            silo.UseInMemoryReminderService();
            // One clock per silo, as separate processes have: each follows the practice calendar on its own.
            silo.Services.AddSingleton(_ => new BusinessClock(Clock));
            silo.AddPracticeClock(enabled: true);
            silo.Services.AddSingleton(ClaimKey);
            silo.Services.AddMicrofinanceSerialization();
            silo.Services.AddLogging(ResidentIdLogScan.AddTo);
        });
        builder.ConfigureClient(client =>
        {
            client.AddCountyEventStreams();
            client.Services.AddMicrofinanceSerialization();
            client.Services.AddLogging(ResidentIdLogScan.AddTo);
        });
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
}
