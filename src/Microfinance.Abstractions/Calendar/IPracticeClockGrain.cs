using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Calendar;

/// <summary>
/// The practice clock of a training or integration environment (培训/联调环境): how far each
/// province's and county's business date runs ahead of China Standard Time's calendar. One grain,
/// keyed <see cref="Key"/>. In a production deployment every change is refused with <c>PRACTICE_CLOCK_DISABLED</c>.
/// </summary>
/// <remarks>
/// A change is stored, then passed to every silo before the call returns, so a day-close started
/// after it sees the new date wherever it runs.
/// </remarks>
public interface IPracticeClockGrain : IGrainWithStringKey
{
    /// <summary>The one practice clock's key.</summary>
    const string Key = "practice";

    /// <summary>The calendar as it stands.</summary>
    [ReadOnly]
    Task<PracticeDates> GetAsync();

    /// <summary>
    /// Moves a province's or county's business date forward to <paramref name="date"/>
    /// (<c>PRACTICE_DATE_BACKWARDS</c>, <c>PRACTICE_DATE_TOO_FAR</c>). A replayed request id changes nothing.
    /// </summary>
    Task<PracticeDates> MoveToAsync(AdminCode region, DateOnly date, string actor, string requestId);

    /// <summary>Moves a province's or county's business date <paramref name="days"/> days on. A replayed request id changes nothing.</summary>
    Task<PracticeDates> AdvanceAsync(AdminCode region, int days, string actor, string requestId);
}
