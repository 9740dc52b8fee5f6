namespace Microfinance.Domain.Servicing;

/// <summary>
/// Overdue aging: days past due counted from the oldest unpaid due date, and the bucket they fall in.
/// </summary>
/// <remarks>
/// A due date is the one in force: a deferral (e.g. the 2020 epidemic deferral of up to six months)
/// moves it, so a deferred instalment is not overdue. Bucket edges are the upper bounds of the
/// first three overdue buckets in days, inclusive; the default is 30, 60, 90.
/// </remarks>
public static class OverdueAging
{
    private const int OverdueBucketEdges = 3;

    /// <summary>The default upper bounds: 1–30, 31–60, 61–90, then over 90 days.</summary>
    public static IReadOnlyList<int> DefaultBucketUpperBounds { get; } = [30, 60, 90];

    /// <summary>
    /// Days past due on <paramref name="today"/>: 0 up to and including the due date (paying on it is
    /// on time), 1 on the day after.
    /// </summary>
    public static int DaysPastDue(DateOnly oldestUnpaidDueDate, DateOnly today) =>
        Math.Max(0, today.DayNumber - oldestUnpaidDueDate.DayNumber);

    /// <summary>The bucket of <paramref name="daysPastDue"/> under the default edges.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="daysPastDue"/> is negative.</exception>
    public static OverdueBucket Bucket(int daysPastDue) => Bucket(daysPastDue, DefaultBucketUpperBounds);

    /// <summary>
    /// The bucket of <paramref name="daysPastDue"/>: <see cref="OverdueBucket.Current"/> at 0, then
    /// the first bucket whose upper bound it does not exceed, or <see cref="OverdueBucket.Over90"/>
    /// beyond the last.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="daysPastDue"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="bucketUpperBounds"/> is not three ascending positive day counts.</exception>
    public static OverdueBucket Bucket(int daysPastDue, IReadOnlyList<int> bucketUpperBounds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(daysPastDue);
        CheckBounds(bucketUpperBounds);

        if (daysPastDue == 0)
        {
            return OverdueBucket.Current;
        }

        for (var i = 0; i < bucketUpperBounds.Count; i++)
        {
            if (daysPastDue <= bucketUpperBounds[i])
            {
                return (OverdueBucket)(i + 1);
            }
        }

        return OverdueBucket.Over90;
    }

    /// <summary>
    /// Every bucket change of a loan whose oldest unpaid due date stays
    /// <paramref name="oldestUnpaidDueDate"/>, on the days after <paramref name="after"/> up to and
    /// including <paramref name="through"/>, in date order — so a job that last aged the loan on
    /// <paramref name="after"/> records each transition on its own date even if it skipped days.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="through"/> is before <paramref name="after"/>, or the bounds are invalid.</exception>
    public static IReadOnlyList<BucketTransition> Transitions(
        DateOnly oldestUnpaidDueDate,
        DateOnly after,
        DateOnly through,
        IReadOnlyList<int> bucketUpperBounds)
    {
        CheckBounds(bucketUpperBounds);
        if (through < after)
        {
            throw new ArgumentException($"The range ends on {through:yyyy-MM-dd}, before it starts after {after:yyyy-MM-dd}.", nameof(through));
        }

        var transitions = new List<BucketTransition>();

        // A bucket starts on the day after the previous bucket's upper bound; day 1 starts the first.
        var firstDays = bucketUpperBounds.Prepend(0).Select(bound => bound + 1);
        foreach (var day in firstDays)
        {
            var on = oldestUnpaidDueDate.AddDays(day);
            if (on > after && on <= through)
            {
                transitions.Add(new BucketTransition(on, day, Bucket(day - 1, bucketUpperBounds), Bucket(day, bucketUpperBounds)));
            }
        }

        return transitions;
    }

    private static void CheckBounds(IReadOnlyList<int> bucketUpperBounds)
    {
        ArgumentNullException.ThrowIfNull(bucketUpperBounds);

        var valid = bucketUpperBounds.Count == OverdueBucketEdges && bucketUpperBounds[0] >= 1;
        for (var i = 1; valid && i < bucketUpperBounds.Count; i++)
        {
            valid = bucketUpperBounds[i] > bucketUpperBounds[i - 1];
        }

        if (!valid)
        {
            throw new ArgumentException(
                $"Bucket upper bounds must be three ascending positive day counts, not [{string.Join(", ", bucketUpperBounds)}].",
                nameof(bucketUpperBounds));
        }
    }
}
