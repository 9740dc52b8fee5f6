namespace Microfinance.Abstractions.Servicing;

/// <summary>
/// A county's loan books: its business date, the day-close (日终) and the overdue tallies per
/// village, township, bank and county. Keyed by the county's 12-digit code.
/// </summary>
public interface ICountyBooksGrain : IGrainWithStringKey
{
    /// <summary>
    /// Closes every business day after the last closed one through <paramref name="through"/>, in
    /// order: visits the loans with an event that day, applies their changes to the tallies, and
    /// stops new lending while the county's NPL ratio is at or above its policy tolerance.
    /// </summary>
    Task<CountyBooks> CloseThroughAsync(DateOnly through);

    /// <summary>The tallies as of the last closed day.</summary>
    [AlwaysInterleave]
    Task<CountyBooks> GetAsync();

    /// <summary>Applies a change a loan reports outside day-close (disbursement, repayment). Idempotent by (loan, sequence).</summary>
    [AlwaysInterleave]
    Task ApplyAsync(LoanTallyDelta delta);

    /// <summary>Asks that the loan be visited when <paramref name="date"/> is closed.</summary>
    [AlwaysInterleave]
    Task ScheduleAsync(string loanId, DateOnly date);

    /// <summary>Applies many loans' changes in one write (an import batch). Each is applied once by (loan, sequence).</summary>
    [AlwaysInterleave]
    Task ApplyManyAsync(IReadOnlyList<LoanTallyDelta> deltas);

    /// <summary>Asks that each loan be visited when its date is closed: one write per day's index.</summary>
    [AlwaysInterleave]
    Task ScheduleManyAsync(IReadOnlyList<ScheduledVisit> visits);
}
