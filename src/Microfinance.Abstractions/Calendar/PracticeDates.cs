using System.Collections.Immutable;

namespace Microfinance.Abstractions.Calendar;

/// <summary>
/// A practice calendar as the cluster passes it around: days ahead by province and county code
/// (see <c>PracticeCalendar</c>), and a revision that grows with every change, so that a silo told
/// of two changes out of order keeps the later.
/// </summary>
[GenerateSerializer, Immutable, Alias("mf.PracticeDates")]
public sealed record PracticeDates(
    [property: Id(0)] ImmutableDictionary<string, int> DaysAhead,
    [property: Id(1)] long Revision)
{
    /// <summary>Nothing moved yet.</summary>
    public static PracticeDates None { get; } = new(ImmutableDictionary<string, int>.Empty, 0);
}
