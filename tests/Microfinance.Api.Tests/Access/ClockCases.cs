using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using static Microfinance.Api.Tests.Access.CaseBuilder;

namespace Microfinance.Api.Tests.Access;

/// <summary>The matrix rows of the business dates and the practice clock (the clocked host is a practice environment).</summary>
public static class ClockCases
{
    public static IEnumerable<RpcCase> All()
    {
        var clock = ClockService.Descriptor;
        yield return Read(clock, "GetBusinessDate", AllowedCallers.Everyone, world => Call(caller =>
            new ClockService.ClockServiceClient(caller).GetBusinessDateAsync(new GetBusinessDateRequest { RegionCode = world.County.Village })));
        yield return Change(clock, "SetPracticeDate", AllowedCallers.Operators, world => Call(caller =>
            new ClockService.ClockServiceClient(caller).SetPracticeDateAsync(new SetPracticeDateRequest
            {
                RequestId = Keys.NewRequestId(), RegionCode = world.County.County, Date = AccessWorld.Iso(world.Today.AddDays(1)),
            })));
        yield return Change(clock, "AdvancePracticeDate", AllowedCallers.Operators, world => Call(caller =>
            new ClockService.ClockServiceClient(caller).AdvancePracticeDateAsync(new AdvancePracticeDateRequest
            {
                RequestId = Keys.NewRequestId(), RegionCode = world.County.County, Days = 1,
            })));
    }
}
