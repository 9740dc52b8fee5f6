using Microfinance.Abstractions.Calendar;
using Orleans.Services;

namespace Microfinance.Grains.Calendar;

/// <summary>The practice calendar's copy on one silo, told of each change (one per silo, in a practice environment).</summary>
public interface IPracticeCalendarService : IGrainService
{
    /// <summary>Follows <paramref name="dates"/> unless the silo follows a later revision.</summary>
    Task FollowAsync(PracticeDates dates);
}
