namespace Microfinance.Domain.Servicing;

/// <summary>
/// Contract dates counted 对年对月对日: a term of N months ends on the same day of the month N months
/// after disbursement (篇1: a one-year loan disbursed on 15 March is due on 15 March next year).
/// </summary>
/// <remarks>
/// <para>
/// Month end: when that day does not exist in the target month, the date is the month's last day
/// (31 Jan + 1 month = 29 Feb 2024; 29 Feb 2024 + 12 months = 28 Feb 2025). A loan disbursed on
/// the last day of a short month keeps its day number: 28 Feb 2025 + 1 month is 28 Mar, not 31 Mar.
/// </para>
/// <para>
/// Every date is counted from the disbursement date, never from the previous due date, so a loan
/// disbursed on the 31st comes back to the 31st after a short month (31 Jan → 29 Feb → 31 Mar) instead
/// of drifting to the 29th. An extension (展期) or deferral of M months is counted the same way, as a
/// term of N + M months from disbursement.
/// </para>
/// </remarks>
public static class ContractDates
{
    private const int MonthsPerQuarter = 3;

    /// <summary>The maturity date (到期日) of a term of <paramref name="termMonths"/> months.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="termMonths"/> is less than 1.</exception>
    public static DateOnly Maturity(DateOnly disbursedOn, int termMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(termMonths, 1);

        // DateOnly.AddMonths keeps the day of the month and clamps it to the month's last day.
        return disbursedOn.AddMonths(termMonths);
    }

    /// <summary>
    /// The interest due dates from disbursement to maturity, ascending: every month or every three
    /// months on the contract's day, or maturity alone. The last is always the maturity date, so a
    /// term that is not a whole number of periods ends with a short period.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="termMonths"/> is less than 1 or <paramref name="frequency"/> is unknown.</exception>
    public static IReadOnlyList<DateOnly> DueDates(DateOnly disbursedOn, int termMonths, InterestFrequency frequency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(termMonths, 1);

        var step = frequency switch
        {
            InterestFrequency.Monthly => 1,
            InterestFrequency.Quarterly => MonthsPerQuarter,
            InterestFrequency.AtMaturity => termMonths,
            _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown interest frequency."),
        };

        var dates = new List<DateOnly>();
        for (var months = step; months < termMonths; months += step)
        {
            dates.Add(disbursedOn.AddMonths(months));
        }

        dates.Add(Maturity(disbursedOn, termMonths));
        return dates;
    }
}
