namespace Microfinance.Abstractions.Compensation;

/// <summary>
/// A county's register of compensation claims, keyed by the county's 12-digit code: every claim
/// reports its summary here after each step, and the county's report is read from it.
/// </summary>
public interface IClaimRegisterGrain : IGrainWithStringKey
{
    /// <summary>Keeps the summary unless the register holds a newer one of the same claim (idempotent by version).</summary>
    Task RecordAsync(ClaimSummary summary);

    /// <summary>Every claim of the county, by loan id.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ClaimSummary>> ListAsync();

    /// <summary>The county's claims and payouts: counts and amounts by status, who paid, shortfalls and recoveries.</summary>
    [ReadOnly]
    Task<CompensationReport> GetReportAsync();
}
