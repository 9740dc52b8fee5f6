using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Compensation;

/// <summary>A claim as its county's register lists it and reports on it.</summary>
/// <param name="ClaimedLoss">The loss at filing.</param>
/// <param name="Shares">Who bears the approved loss; null before approval.</param>
/// <param name="SettledByCountyBudget">What the county budget has paid of <paramref name="OwedByCountyBudget"/>.</param>
/// <param name="Version">The claim's <see cref="CompensationClaim.Version"/>: the register keeps the newest copy.</param>
[GenerateSerializer, Immutable, Alias("mf.ClaimSummary")]
public sealed record ClaimSummary(
    [property: Id(0)] string LoanId,
    [property: Id(1)] string BankCode,
    [property: Id(2)] string Borrower,
    [property: Id(3)] ClaimStatus Status,
    [property: Id(4)] DateOnly FiledOn,
    [property: Id(5)] Money ClaimedLoss,
    [property: Id(6)] RiskShares? Shares,
    [property: Id(7)] Money PaidFromFund,
    [property: Id(8)] Money OwedByCountyBudget,
    [property: Id(9)] Money Recovered,
    [property: Id(10)] RiskShares RecoveredShares,
    [property: Id(11)] string? RejectionReason,
    [property: Id(12)] int Version,
    [property: Id(13)] Money SettledByCountyBudget)
{
    public static ClaimSummary Of(CompensationClaim claim) => new(
        claim.LoanId,
        claim.BankCode,
        claim.Borrower,
        claim.Status,
        claim.FiledOn,
        claim.Loss.Total,
        claim.Shares,
        claim.PaidFromFund,
        claim.OwedByCountyBudget,
        claim.Recovered,
        claim.RecoveredShares,
        claim.RejectionReason,
        claim.Version,
        claim.SettledByCountyBudget);
}
