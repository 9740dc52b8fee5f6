using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Compensation;

/// <summary>A county's compensation claims and payouts.</summary>
/// <param name="ByStatus">Claims and filed loss at every status, in status order (zero rows included).</param>
/// <param name="Approved">Who bears the losses approved so far: the fund's share, the banks', the insurers'.</param>
/// <param name="PaidFromFund">What the county's funds paid out of their balances.</param>
/// <param name="OwedByCountyBudget">Fund shares the funds could not pay, owed by the county budget (第二十六条).</param>
/// <param name="SettledByCountyBudget">What the county budget has paid of <paramref name="OwedByCountyBudget"/>.</param>
/// <param name="Recovered">Money recovered after compensation.</param>
/// <param name="RecoveredShares">Its split back to the funds, banks and insurers (第二十三条).</param>
[GenerateSerializer, Immutable, Alias("mf.CompensationReport")]
public sealed record CompensationReport(
    [property: Id(0)] AdminCode County,
    [property: Id(1)] IReadOnlyList<ClaimStatusTally> ByStatus,
    [property: Id(2)] RiskShares Approved,
    [property: Id(3)] Money PaidFromFund,
    [property: Id(4)] Money OwedByCountyBudget,
    [property: Id(5)] Money Recovered,
    [property: Id(6)] RiskShares RecoveredShares,
    [property: Id(7)] Money SettledByCountyBudget);
