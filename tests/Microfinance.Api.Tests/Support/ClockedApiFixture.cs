using Microfinance.Grains.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Microfinance.Api.Tests.Support;

/// <summary>
/// A host of its own whose business clock the tests move, for procedures that wait out days (a
/// claim's public notice). It starts on 2026-03-16, only moves forward, and loads no demo data.
/// </summary>
public sealed class ClockedApiFixture : ApiFixture
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 16, 2, 0, 0, TimeSpan.Zero));

    /// <summary>Today's business date (China Standard Time) on the host's clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().AddHours(8).DateTime);

    /// <summary>Moves the clock forward to 10:00 China time on <paramref name="day"/>; never back.</summary>
    public void MoveTo(DateOnly day)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
        if (target > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(target);
        }
    }

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Microfinance:ClusterId"] = "clocked-api-tests",
            ["Microfinance:SeedDemo"] = "false",
        });
        builder.Services.AddSingleton(new BusinessClock(Clock));
    }
}
