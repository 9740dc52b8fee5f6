using Microfinance.Domain.Reporting;

namespace Microfinance.Abstractions.Dashboards;

/// <summary>
/// The rates the provinces publish (<see cref="LendingFigures"/>) for the county, a township, a village
/// or a bank, over the season so far.
/// </summary>
/// <param name="RepaymentRateBp">还款率: principal repaid of principal due, in basis points.</param>
/// <param name="ApprovalRateBp">申贷获得率: households granted a loan of those applying, in basis points.</param>
/// <param name="BorrowingRateBp">户贷率: households borrowing of eligible registered households, in basis points.</param>
/// <param name="HouseholdsBorrowing">Households owing principal now.</param>
/// <param name="EligibleHouseholds">Registered households whose category may borrow; none for a bank.</param>
[GenerateSerializer, Immutable, Alias("mf.ScopeFigures")]
public sealed record ScopeFigures(
    [property: Id(0)] FigureScopeKind Kind,
    [property: Id(1)] string Code,
    [property: Id(2)] int RepaymentRateBp,
    [property: Id(3)] int ApprovalRateBp,
    [property: Id(4)] int BorrowingRateBp,
    [property: Id(5)] int HouseholdsBorrowing,
    [property: Id(6)] int EligibleHouseholds)
{
    public static ScopeFigures Of(FigureScope scope, LendingFigures figures) => new(
        scope.Kind,
        scope.Code,
        figures.RepaymentRateBp,
        figures.ApprovalRateBp,
        figures.BorrowingRateBp,
        figures.HouseholdsBorrowing,
        figures.EligibleHouseholds);
}
