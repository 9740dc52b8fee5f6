using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Dashboards;

/// <summary>
/// A county's line in the province's rankings (as the provincial circulars rank counties and banks):
/// lending progress against its quota, and its overdue and non-performing balances.
/// </summary>
/// <param name="QuotaAllocated">The quota the province allocated to the county: the season's plan.</param>
/// <param name="Disbursed">What went out in the county this season.</param>
/// <param name="Outstanding">Principal outstanding in the county.</param>
/// <param name="Overdue">The part of it past due (逾期), non-performing included.</param>
/// <param name="NonPerforming">The part over 90 days past due (不良).</param>
/// <param name="Banks">Each cooperating bank's part, by bank code.</param>
/// <param name="Figures">The county's own figures (还款率, 户贷率); null before they are computed.</param>
[GenerateSerializer, Immutable, Alias("mf.CountyStanding")]
public sealed record CountyStanding(
    [property: Id(0)] AdminCode County,
    [property: Id(1)] string Name,
    [property: Id(2)] Money QuotaAllocated,
    [property: Id(3)] Money Disbursed,
    [property: Id(4)] int LoansDisbursed,
    [property: Id(5)] Money Outstanding,
    [property: Id(6)] Money Overdue,
    [property: Id(7)] Money NonPerforming,
    [property: Id(8)] IReadOnlyList<BankStanding> Banks,
    [property: Id(9)] ScopeFigures? Figures);
