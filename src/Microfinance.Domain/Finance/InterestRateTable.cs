using Microfinance.Domain.Errors;

namespace Microfinance.Domain.Finance;

/// <summary>
/// Effective-dated reference lending rates by term band: the rate a contract signed on a given
/// date is measured against ("同期同档次", same date, same term band).
/// </summary>
/// <remarks>
/// <see cref="Default"/> holds the published history; a county or a test supplies its own entries
/// through the constructor. A reference set stays in force until the next one of the same source,
/// so only the dates on which a rate changed need an entry.
/// </remarks>
public sealed class InterestRateTable
{
    private const int MonthsInOneYear = 12;
    private const int MonthsInFiveYears = 60;

    private readonly ReferenceRateEntry[] _entries;

    /// <exception cref="ArgumentException">Two entries have the same source and effective date.</exception>
    public InterestRateTable(IEnumerable<ReferenceRateEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);

        _entries = [.. entries.OrderBy(e => e.Source).ThenBy(e => e.EffectiveFrom)];
        for (var i = 1; i < _entries.Length; i++)
        {
            if (_entries[i].Source == _entries[i - 1].Source && _entries[i].EffectiveFrom == _entries[i - 1].EffectiveFrom)
            {
                throw new ArgumentException(
                    $"Two {_entries[i].Source} rate sets take effect on {_entries[i].EffectiveFrom:yyyy-MM-dd}.", nameof(entries));
            }
        }
    }

    /// <summary>
    /// PBOC benchmark lending rates from 2015-08-26 (the last two changes before the benchmark was
    /// frozen) and every LPR change since the reformed LPR was first published on 2019-08-20.
    /// </summary>
    public static InterestRateTable Default { get; } = new(
    [
        ReferenceRateEntry.Benchmark(new(2015, 8, 26), 460, 500, 515),
        ReferenceRateEntry.Benchmark(new(2015, 10, 24), 435, 475, 490),

        ReferenceRateEntry.Lpr(new(2019, 8, 20), 425, 485),
        ReferenceRateEntry.Lpr(new(2019, 9, 20), 420, 485),
        ReferenceRateEntry.Lpr(new(2019, 11, 20), 415, 480),
        ReferenceRateEntry.Lpr(new(2020, 2, 20), 405, 475),
        ReferenceRateEntry.Lpr(new(2020, 4, 20), 385, 465),
        ReferenceRateEntry.Lpr(new(2021, 12, 20), 380, 465),
        ReferenceRateEntry.Lpr(new(2022, 1, 20), 370, 460),
        ReferenceRateEntry.Lpr(new(2022, 5, 20), 370, 445),
        ReferenceRateEntry.Lpr(new(2022, 8, 22), 365, 430),
        ReferenceRateEntry.Lpr(new(2023, 6, 20), 355, 420),
        ReferenceRateEntry.Lpr(new(2023, 8, 21), 345, 420),
        ReferenceRateEntry.Lpr(new(2024, 2, 20), 345, 395),
        ReferenceRateEntry.Lpr(new(2024, 7, 22), 335, 385),
        ReferenceRateEntry.Lpr(new(2024, 10, 21), 310, 360),
        ReferenceRateEntry.Lpr(new(2025, 5, 20), 300, 350),
    ]);

    /// <summary>All entries, ordered by source and then effective date.</summary>
    public IReadOnlyList<ReferenceRateEntry> Entries => _entries;

    /// <summary>
    /// The reference rate for a contract of <paramref name="termMonths"/> signed on
    /// <paramref name="contractDate"/>: up to 12 months the one-year rate; for the benchmark up to
    /// 60 months the 1–5-year rate and beyond that the over-5-year rate; for the LPR anything longer
    /// than 12 months the 5-year LPR.
    /// </summary>
    /// <exception cref="RuleViolationException"><c>NO_REFERENCE_RATE</c>: no rate of that source was in force on the date.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="termMonths"/> is less than 1.</exception>
    public InterestRate ReferenceRate(InterestSource source, DateOnly contractDate, int termMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(termMonths, 1);

        var entry = _entries.LastOrDefault(e => e.Source == source && e.EffectiveFrom <= contractDate)
            ?? throw new RuleViolationException(
                "NO_REFERENCE_RATE",
                $"No {source} reference rate is in force on {contractDate:yyyy-MM-dd}.");

        return termMonths switch
        {
            <= MonthsInOneYear => entry.UpToOneYear,
            <= MonthsInFiveYears => entry.OneToFiveYears,
            _ => entry.OverFiveYears,
        };
    }
}
