using Microfinance.Abstractions.Calendar;
using Microfinance.Domain.Calendar;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace Microfinance.Grains.Calendar;

/// <inheritdoc cref="IPracticeClockGrain"/>
public sealed class PracticeClockGrain(
    [PersistentState("practiceclock", GrainStorage.Name)] IPersistentState<PracticeClockState> state,
    BusinessClock clock,
    IOptions<PracticeClockOptions> options,
    IPracticeCalendarBroadcast broadcast,
    Serializer serializer,
    ILogger<PracticeClockGrain> log) : Grain, IPracticeClockGrain
{
    private PracticeClockState Clock => state.State;

    private PracticeDates Dates => new(Clock.DaysAhead, Clock.Revision);

    public Task<PracticeDates> GetAsync() => Task.FromResult(Dates);

    public Task<PracticeDates> MoveToAsync(AdminCode region, DateOnly date, string actor, string requestId) =>
        ChangeAsync(
            requestId,
            RequestFingerprint.Of(serializer, nameof(MoveToAsync), region, date, actor),
            calendar => calendar.MoveTo(region, date, clock.CalendarToday),
            actor);

    public Task<PracticeDates> AdvanceAsync(AdminCode region, int days, string actor, string requestId) =>
        ChangeAsync(
            requestId,
            RequestFingerprint.Of(serializer, nameof(AdvanceAsync), region, days, actor),
            calendar => calendar.Advance(region, days, clock.CalendarToday),
            actor);

    private async Task<PracticeDates> ChangeAsync(
        string requestId, RequestFingerprint content, Func<PracticeCalendar, PracticeCalendar> change, string actor)
    {
        if (!options.Value.Enabled)
        {
            throw new RuleViolationException(
                "PRACTICE_CLOCK_DISABLED",
                "This is a production deployment: its business date is the calendar date in China Standard Time and cannot be moved.");
        }

        if (!Clock.Requests.IsReplay(requestId, content, "practice clock"))
        {
            var changed = change(PracticeCalendar.From(Clock.DaysAhead));
            Clock.DaysAhead = changed.DaysAhead;
            Clock.Revision++;
            Clock.Requests.Record(requestId, content);
            await state.WriteStateAsync();
            log.LogInformation("Practice clock revision {Revision} set by {Actor}: days ahead {DaysAhead}", Clock.Revision, actor, Clock.DaysAhead);
        }

        // A replay tells the silos again: one that missed the first telling catches up.
        var dates = Dates;
        clock.Follow(dates);
        await broadcast.TellEverySiloAsync(dates);
        return dates;
    }
}
