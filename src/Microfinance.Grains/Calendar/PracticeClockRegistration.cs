using Microsoft.Extensions.DependencyInjection;

namespace Microfinance.Grains.Calendar;

/// <summary>Silo wiring of the practice clock.</summary>
public static class PracticeClockRegistration
{
    /// <summary>
    /// Lets an operator move business dates (<paramref name="enabled"/>, in a training or
    /// integration environment) or refuses every move (production). Only a practice environment
    /// runs the per-silo copy of the calendar.
    /// </summary>
    public static ISiloBuilder AddPracticeClock(this ISiloBuilder silo, bool enabled)
    {
        silo.Services.Configure<PracticeClockOptions>(options => options.Enabled = enabled);
        silo.Services.AddSingleton<IPracticeCalendarBroadcast, PracticeCalendarBroadcast>();
        if (enabled)
        {
            silo.AddGrainService<PracticeCalendarService>();
        }

        return silo;
    }
}
