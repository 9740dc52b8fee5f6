using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Microfinance.Silo.Security;

namespace Microfinance.Api.Tests;

/// <summary>In production the practice clock is refused, and every date is China Standard Time's calendar date.</summary>
public sealed class ProductionClockApiTests(ProductionApiFixture fixture) : IClassFixture<ProductionApiFixture>
{
    private const string County = "530124";

    private ClockService.ClockServiceClient OperatorClock =>
        new(fixture.ChannelWith(fixture.Tokens.Issue("ops-oncall", Role.Operator, [])));

    [Fact]
    public async Task Moving_a_date_is_refused_and_the_date_stays_the_calendars()
    {
        var set = await Assert.ThrowsAsync<RpcException>(() => OperatorClock.SetPracticeDateAsync(new SetPracticeDateRequest
        {
            RequestId = Keys.NewRequestId(), RegionCode = County, Date = "2030-01-01",
        }).ResponseAsync);
        var advance = await Assert.ThrowsAsync<RpcException>(() => OperatorClock.AdvancePracticeDateAsync(new AdvancePracticeDateRequest
        {
            RequestId = Keys.NewRequestId(), RegionCode = County, Days = 1,
        }).ResponseAsync);

        Assert.All([set, advance], refused =>
        {
            Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
            Assert.Equal("PRACTICE_CLOCK_DISABLED", refused.Reason());
        });
        var date = (await new ClockService.ClockServiceClient(fixture.Channel)
            .GetBusinessDateAsync(new GetBusinessDateRequest { RegionCode = County })).BusinessDate;
        Assert.Equal(LendingSetup.BusinessToday().ToString("yyyy-MM-dd"), date.Date);
        Assert.Equal(0, date.DaysAhead);
        Assert.False(date.Practice);
    }
}
