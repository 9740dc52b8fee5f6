using Microfinance.Abstractions.Dashboards;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Dashboards;

namespace Microfinance.Grains.Tests.Dashboards;

/// <summary>The province's rankings in memory: a county's standing replaces the one held, and only a change is a delta.</summary>
public sealed class ProvinceDashboardViewTests
{
    private static readonly AdminCode County = AdminCode.Parse("530124");

    [Fact]
    public void AStandingThatChangedNothingMakesNoDelta()
    {
        var view = new ProvinceDashboardView(AdminCode.Parse("53"), "云南省");
        view.Take(Standing(Money.FromYuan(30_000m)));

        view.Take(Standing(Money.FromYuan(30_000m)));

        Assert.Equal(1, view.Log.Revision);
    }

    [Fact]
    public void AStandingThatChangedIsTheNextDelta()
    {
        var view = new ProvinceDashboardView(AdminCode.Parse("53"), "云南省");
        view.Take(Standing(Money.FromYuan(30_000m)));

        view.Take(Standing(Money.FromYuan(80_000m)));

        var delta = Assert.Single(view.Log.After(new DashboardCursor(view.Log.ViewId, 1), 10)!);
        Assert.Equal((2L, Money.FromYuan(80_000m)), (delta.Revision, delta.Standing.Disbursed));
        Assert.Equal(Money.FromYuan(80_000m), Assert.Single(view.Snapshot().Counties).Disbursed);
    }

    /// <summary>A county that disbursed <paramref name="disbursed"/> at one bank, read fresh each time (new lists, equal content).</summary>
    private static CountyStanding Standing(Money disbursed) => new(
        County,
        "富民县",
        Money.FromYuan(15_000_000m),
        disbursed,
        1,
        disbursed,
        Money.Zero,
        Money.Zero,
        [new BankStanding("RCC", "富民县农村信用合作联社", disbursed, 1, disbursed, Money.Zero, Money.Zero, null)],
        null);
}
