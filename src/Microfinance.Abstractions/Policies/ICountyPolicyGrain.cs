using Microfinance.Domain.Policies;

namespace Microfinance.Abstractions.Policies;

/// <summary>
/// A county's effective-dated lending policy and its lending stop, keyed by the county's
/// 12-digit code. A loan keeps the version in force when it was approved.
/// </summary>
public interface ICountyPolicyGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records a policy version. Fails with <c>COUNTY_NOT_FOUND</c>, <c>POLICY_INVALID</c> or
    /// <c>POLICY_VERSION_EXISTS</c>; replaying the request id returns the recorded version.
    /// </summary>
    Task<PolicyVersionRecord> AddVersionAsync(CountyPolicy policy, string actor, string requestId);

    /// <summary>Every recorded version, oldest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<PolicyVersionRecord>> ListVersionsAsync();

    /// <summary>The policy in force on <paramref name="date"/> and whether lending is stopped.</summary>
    [ReadOnly]
    Task<LendingTerms> GetLendingTermsAsync(DateOnly date);

    /// <summary>
    /// Stops or resumes new approvals because of the county's NPL ratio (day-close sets this); it
    /// stands apart from a stop set by hand, and either one stops lending.
    /// </summary>
    Task SetNplStopAsync(bool stopped, string reason);

    /// <summary>Stops or resumes new approvals in the county.</summary>
    Task<LendingTerms> SetLendingStopAsync(bool stopped, string reason, DateOnly today, string actor, string requestId);
}
