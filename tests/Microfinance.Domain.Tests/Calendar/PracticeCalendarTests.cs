using Microfinance.Domain.Calendar;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Regions;

namespace Microfinance.Domain.Tests.Calendar;

public sealed class PracticeCalendarTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly AdminCode Yunnan = AdminCode.Parse("53");
    private static readonly AdminCode Fumin = AdminCode.Parse("530124");
    private static readonly AdminCode Yiliang = AdminCode.Parse("530125");
    private static readonly AdminCode Kuanzhuang = AdminCode.Parse("530124101001");
    private static readonly AdminCode Nanning = AdminCode.Parse("450102");

    [Fact]
    public void Without_a_move_every_region_keeps_the_calendar_date()
    {
        Assert.Equal(Today, PracticeCalendar.Calendar.DateIn(Kuanzhuang, Today));
        Assert.Equal(Today, PracticeCalendar.Calendar.DateIn(Yunnan, Today));
    }

    [Fact]
    public void A_county_moved_ahead_carries_its_villages_and_no_other_county()
    {
        var calendar = PracticeCalendar.Calendar.Advance(Fumin, 100, Today);

        Assert.Equal(Today.AddDays(100), calendar.DateIn(Kuanzhuang, Today));
        Assert.Equal(Today, calendar.DateIn(Yiliang, Today));
        Assert.Equal(Today, calendar.DateIn(Yunnan, Today));
    }

    [Fact]
    public void A_province_moved_takes_the_counties_behind_it_along_and_leaves_one_ahead_where_it_is()
    {
        var calendar = PracticeCalendar.Calendar
            .Advance(Fumin, 30, Today)
            .MoveTo(Yunnan, Today.AddDays(10), Today);

        Assert.Equal(Today.AddDays(30), calendar.DateIn(Fumin, Today));
        Assert.Equal(Today.AddDays(10), calendar.DateIn(Yiliang, Today));
        Assert.Equal(Today, calendar.DateIn(Nanning, Today));

        var later = calendar.MoveTo(Yunnan, Today.AddDays(40), Today);
        Assert.Equal(Today.AddDays(40), later.DateIn(Fumin, Today));
        Assert.Equal(Today.AddDays(40), later.DateIn(Yiliang, Today));
    }

    [Fact]
    public void Advancing_a_province_keeps_a_county_s_lead()
    {
        var calendar = PracticeCalendar.Calendar.Advance(Fumin, 30, Today).Advance(Yunnan, 5, Today);

        Assert.Equal(Today.AddDays(35), calendar.DateIn(Fumin, Today));
        Assert.Equal(Today.AddDays(5), calendar.DateIn(Yiliang, Today));
    }

    [Fact]
    public void The_date_still_turns_with_the_calendar()
    {
        var calendar = PracticeCalendar.Calendar.Advance(Fumin, 10, Today);

        Assert.Equal(Today.AddDays(11), calendar.DateIn(Fumin, Today.AddDays(1)));
    }

    [Fact]
    public void A_region_never_moves_back()
    {
        var calendar = PracticeCalendar.Calendar.Advance(Fumin, 30, Today);

        var county = Assert.Throws<RuleViolationException>(() => calendar.MoveTo(Fumin, Today.AddDays(29), Today));
        Assert.Equal("PRACTICE_DATE_BACKWARDS", county.Reason);
        Assert.Equal(calendar, calendar.MoveTo(Fumin, Today.AddDays(30), Today));

        var province = PracticeCalendar.Calendar.Advance(Yunnan, 10, Today);
        Assert.Equal("PRACTICE_DATE_BACKWARDS", Assert.Throws<RuleViolationException>(() => province.MoveTo(Yunnan, Today.AddDays(9), Today)).Reason);
        Assert.Equal("PRACTICE_DATE_BACKWARDS", Assert.Throws<RuleViolationException>(() => province.MoveTo(Fumin, Today.AddDays(9), Today)).Reason);
    }

    [Fact]
    public void A_date_runs_at_most_ten_years_ahead()
    {
        var furthest = PracticeCalendar.Calendar.MoveTo(Fumin, Today.AddDays(PracticeCalendar.MaxDaysAhead), Today);
        Assert.Equal(Today.AddDays(PracticeCalendar.MaxDaysAhead), furthest.DateIn(Fumin, Today));

        var refused = Assert.Throws<RuleViolationException>(() => furthest.Advance(Fumin, 1, Today));
        Assert.Equal("PRACTICE_DATE_TOO_FAR", refused.Reason);
    }

    [Fact]
    public void A_township_or_village_keeps_its_county_s_date_and_is_not_moved_on_its_own()
    {
        Assert.Throws<ArgumentException>(() => PracticeCalendar.Calendar.Advance(Kuanzhuang, 1, Today));
    }

    [Fact]
    public void The_stored_form_round_trips_and_rejects_entries_it_could_not_have_written()
    {
        var calendar = PracticeCalendar.Calendar.Advance(Fumin, 30, Today).Advance(Yunnan, 5, Today);

        Assert.Equal(calendar, PracticeCalendar.From(calendar.DaysAhead));
        Assert.Throws<ArgumentException>(() => PracticeCalendar.From(new Dictionary<string, int> { ["530124101001"] = 3 }));
        Assert.Throws<ArgumentException>(() => PracticeCalendar.From(new Dictionary<string, int> { ["530124000000"] = 0 }));
    }
}
