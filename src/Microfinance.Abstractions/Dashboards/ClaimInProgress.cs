using Microfinance.Abstractions.Compensation;
using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Dashboards;

/// <summary>A compensation claim on a dashboard: the loan, the bank, where the claim stands and its sums.</summary>
/// <param name="Loss">The loss claimed at filing.</param>
/// <param name="PaidFromFund">What the fund has paid.</param>
/// <param name="OwedByCountyBudget">The shortfall the county budget owes (第二十六条).</param>
[GenerateSerializer, Immutable, Alias("mf.ClaimInProgress")]
public sealed record ClaimInProgress(
    [property: Id(0)] string LoanId,
    [property: Id(1)] string BankCode,
    [property: Id(2)] ClaimStatus Status,
    [property: Id(3)] Money Loss,
    [property: Id(4)] Money PaidFromFund,
    [property: Id(5)] Money OwedByCountyBudget)
{
    /// <summary>
    /// Whether the claim still waits on someone: filed, under notice, verified or being paid. A
    /// compensated, rejected or withdrawn claim has left the dashboard's list.
    /// </summary>
    public bool InProgress => Status is ClaimStatus.Filed or ClaimStatus.UnderNotice or ClaimStatus.Verified or ClaimStatus.Approving;

    /// <summary>The claim as its county's register lists it.</summary>
    public static ClaimInProgress Of(ClaimSummary claim) =>
        new(claim.LoanId, claim.BankCode, claim.Status, claim.ClaimedLoss, claim.PaidFromFund, claim.OwedByCountyBudget);
}
