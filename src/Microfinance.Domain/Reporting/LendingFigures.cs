using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Reporting;

/// <summary>
/// The figures the provinces publish for a county, township, village or bank (seed 001: 还款率 99.15%,
/// 申贷获得率 93.04%), each a count over one period and the rate it gives.
/// </summary>
/// <param name="PrincipalDue">Principal of the instalments falling due in the period.</param>
/// <param name="PrincipalRepaid">The part of it repaid.</param>
/// <param name="HouseholdsApplying">Households that applied for a loan in the period.</param>
/// <param name="HouseholdsGranted">Those of them that a bank approved a loan applied for in the period.</param>
/// <param name="HouseholdsBorrowing">Households owing principal on a loan now.</param>
/// <param name="EligibleHouseholds">Registered households whose category may borrow; none for a bank.</param>
/// <param name="Ratings">How the registered households are rated (第十二条); none for a bank.</param>
public sealed record LendingFigures(
    Money PrincipalDue,
    Money PrincipalRepaid,
    int HouseholdsApplying,
    int HouseholdsGranted,
    int HouseholdsBorrowing,
    int EligibleHouseholds,
    RatingDistribution Ratings)
{
    /// <summary>还款率: repaid ÷ due, in basis points; 0 when nothing fell due.</summary>
    public int RepaymentRateBp => BasisPoints.Of(PrincipalRepaid.Fen, PrincipalDue.Fen);

    /// <summary>申贷获得率: households granted ÷ households applying, in basis points; 0 when none applied.</summary>
    public int ApprovalRateBp => BasisPoints.Of(HouseholdsGranted, HouseholdsApplying);

    /// <summary>户贷率: households borrowing ÷ eligible registered households, in basis points; 0 when none is eligible.</summary>
    public int BorrowingRateBp => BasisPoints.Of(HouseholdsBorrowing, EligibleHouseholds);
}
