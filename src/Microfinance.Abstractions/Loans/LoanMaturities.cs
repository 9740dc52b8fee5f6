using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Loans;

/// <summary>When a disbursed loan's outstanding principal falls due (<see cref="Domain.Servicing.PrincipalMaturities"/>).</summary>
/// <param name="Overdue">Principal of instalments due before today and not paid.</param>
/// <param name="ByMonth">Principal falling due in each calendar month from the county's current one on.</param>
/// <param name="Later">Principal falling due after the last month counted.</param>
[GenerateSerializer, Immutable, Alias("mf.LoanMaturities")]
public sealed record LoanMaturities(
    [property: Id(0)] Money Overdue,
    [property: Id(1)] IReadOnlyList<Money> ByMonth,
    [property: Id(2)] Money Later);
