using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Dashboards;

/// <summary>One cooperating bank's lending in one county, as the province ranks banks.</summary>
/// <param name="Disbursed">What the bank disbursed in the county this season.</param>
/// <param name="Outstanding">Its principal outstanding in the county.</param>
/// <param name="Overdue">The part of it past due (逾期), non-performing included.</param>
/// <param name="NonPerforming">The part over 90 days past due (不良).</param>
/// <param name="Figures">The bank's figures in the county; null before they are computed.</param>
[GenerateSerializer, Immutable, Alias("mf.BankStanding")]
public sealed record BankStanding(
    [property: Id(0)] string BankCode,
    [property: Id(1)] string BankName,
    [property: Id(2)] Money Disbursed,
    [property: Id(3)] int LoansDisbursed,
    [property: Id(4)] Money Outstanding,
    [property: Id(5)] Money Overdue,
    [property: Id(6)] Money NonPerforming,
    [property: Id(7)] ScopeFigures? Figures);
