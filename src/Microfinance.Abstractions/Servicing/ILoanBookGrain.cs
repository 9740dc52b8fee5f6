namespace Microfinance.Abstractions.Servicing;

/// <summary>
/// One page of a county's loan book (<see cref="LoanBookKey"/>): what each of its loans adds to the
/// tallies, the sequence of the last change it took from each loan, and when each is next visited
/// by day-close. The county's books are the sum of their pages.
/// </summary>
public interface ILoanBookGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies loans' tally changes and files their next visits, in one write. A change is applied
    /// once per (loan, sequence), whenever it is delivered again; a visit moves a loan's next visit
    /// earlier, never later.
    /// </summary>
    Task RecordAsync(IReadOnlyList<LoanTallyDelta> deltas, IReadOnlyList<ScheduledVisit> visits);

    /// <summary>Visits the page's loans due a visit on <paramref name="day"/> (or before); returns how many.</summary>
    Task<int> CloseDayAsync(DateOnly day);

    /// <summary>The page's figures.</summary>
    [AlwaysInterleave]
    Task<LoanBookTally> GetTallyAsync();

    /// <summary>The page's loans.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> ListLoansAsync();
}
