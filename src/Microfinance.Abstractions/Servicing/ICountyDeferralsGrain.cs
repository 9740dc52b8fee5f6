namespace Microfinance.Abstractions.Servicing;

/// <summary>
/// A county's disaster and epidemic deferrals of repayments (2020: up to six months), keyed by the
/// county's 12-digit code. Declaring one tells every disbursed loan of the county before it answers.
/// </summary>
public interface ICountyDeferralsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Declares a deferral under the policy in force today (<c>DEFERRAL_TOO_LONG</c>,
    /// <c>DEFERRAL_WINDOW_INVALID</c>) and applies it to the county's loans. Retrying with the same
    /// request id finishes an interrupted declaration and applies nothing twice.
    /// </summary>
    Task<RepaymentDeferral> DeclareAsync(DateOnly from, DateOnly through, int months, string reason, string actor, string requestId);

    /// <summary>The county's deferrals, oldest first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<RepaymentDeferral>> ListAsync();
}
