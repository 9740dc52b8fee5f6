using Microfinance.Abstractions.Calendar;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Services;

namespace Microfinance.Grains.Calendar;

/// <inheritdoc cref="IPracticeCalendarBroadcast"/>
public sealed class PracticeCalendarBroadcast(
    IServiceProvider services, IClusterMembershipService membership, ILogger<PracticeCalendarBroadcast> log)
    : GrainServiceClient<IPracticeCalendarService>(services), IPracticeCalendarBroadcast
{
    public async Task TellEverySiloAsync(PracticeDates dates)
    {
        var silos = membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active)
            .Select(member => member.SiloAddress);
        await Task.WhenAll(silos.Select(silo => TellAsync(silo, dates)));
    }

    private async Task TellAsync(SiloAddress silo, PracticeDates dates)
    {
        try
        {
            await GetGrainService(silo).FollowAsync(dates);
        }
        catch (Exception failure)
        {
            log.LogWarning(failure, "Silo {Silo} was not told of practice calendar revision {Revision}; it reads the calendar itself shortly", silo, dates.Revision);
        }
    }
}
