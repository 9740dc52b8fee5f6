namespace Microfinance.Abstractions.Servicing;

/// <summary>
/// A bank's monthly interest-subsidy statement in one county, keyed <c>{fund id}:{yyyy-MM}</c>
/// (e.g. <c>530124-RCC:2026-04</c>): prepared from the bank's loans once the month is over, then
/// approved by the county.
/// </summary>
public interface ISubsidyStatementGrain : IGrainWithStringKey
{
    /// <summary>
    /// Computes every loan's subsidy for the month (<c>MONTH_NOT_OVER</c> before it ends,
    /// <c>STATEMENT_APPROVED</c> once approved). Preparing again with a new request id recomputes;
    /// a retry of one already applied returns the statement as it stands, recomputing nothing.
    /// </summary>
    Task<SubsidyStatement> PrepareAsync(string actor, string requestId);

    /// <summary>
    /// The county approves the prepared statement (<c>STATEMENT_NOT_PREPARED</c> before); approving
    /// again changes nothing. A retry of a request applied already returns the statement as it stands.
    /// </summary>
    Task<SubsidyStatement> ApproveAsync(string actor, string requestId);

    /// <summary>The statement as it stands.</summary>
    Task<SubsidyStatement> GetAsync();
}
