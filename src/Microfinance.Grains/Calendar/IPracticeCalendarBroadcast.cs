using Microfinance.Abstractions.Calendar;

namespace Microfinance.Grains.Calendar;

/// <summary>Tells every active silo of a practice calendar change.</summary>
public interface IPracticeCalendarBroadcast
{
    /// <summary>
    /// Returns once every active silo follows <paramref name="dates"/>, or has been tried: one that
    /// cannot be reached catches up on its own within half a minute.
    /// </summary>
    Task TellEverySiloAsync(PracticeDates dates);
}
