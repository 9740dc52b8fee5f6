using Microfinance.Abstractions.Calendar;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Calendar;

/// <summary>The practice clock tells every silo of a move before the move returns.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PracticeClockTests(ClusterFixture fixture)
{
    private IPracticeClockGrain PracticeClock => fixture.Client.GetGrain<IPracticeClockGrain>(IPracticeClockGrain.Key);

    [Fact]
    public async Task Every_silo_follows_a_move_as_soon_as_it_returns()
    {
        var county = TestKeys.NewCounty();
        var village = TestKeys.Village(TestKeys.Township(county, 1), 1);

        var moved = await PracticeClock.AdvanceAsync(county, 45, "ops", Guid.NewGuid().ToString());

        Assert.Equal(2, fixture.SiloClocks.Count);
        Assert.All(fixture.SiloClocks, clock =>
        {
            Assert.Equal(moved.Revision, clock.Practice.Revision);
            Assert.Equal(fixture.Today.AddDays(45), clock.TodayIn(village));
            Assert.Equal(fixture.Today, clock.TodayIn(TestKeys.NewCounty()));
        });
    }

    [Fact]
    public async Task A_silo_keeps_the_later_of_two_revisions_told_out_of_order()
    {
        var county = TestKeys.NewCounty();
        var first = await PracticeClock.AdvanceAsync(county, 2, "ops", Guid.NewGuid().ToString());
        var second = await PracticeClock.AdvanceAsync(county, 3, "ops", Guid.NewGuid().ToString());

        var clock = fixture.SiloClocks[0];
        clock.Follow(first);

        Assert.True(clock.Practice.Revision >= second.Revision);
        Assert.Equal(fixture.Today.AddDays(5), clock.TodayIn(county));
    }
}
