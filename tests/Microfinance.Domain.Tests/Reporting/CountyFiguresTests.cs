using Microfinance.Domain.Finance;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Reporting;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Reporting;

public sealed class CountyFiguresTests
{
    private static readonly AdminCode County = AdminCode.Parse("530124");
    private static readonly AdminCode Township = AdminCode.Parse("530124101");
    private static readonly AdminCode East = AdminCode.Parse("530124101001");
    private static readonly AdminCode West = AdminCode.Parse("530124101002");
    private static readonly DateOnly From = new(2016, 1, 1);
    private static readonly DateOnly Through = new(2016, 12, 31);

    [Fact]
    public void ACountyBuiltFromSeed001sFiguresReportsItsRepaymentAndApprovalRates()
    {
        // Seed 001: 155,149,900 yuan repaid of 156,486,000 due (99.15%); 7,152 households granted of 7,687 applying (93.04%).
        const int applying = 7_687, granted = 7_152;
        var dues = LegalPersonLoanSizing.SplitAcross(Money.FromYuan(156_486_000m), granted);
        var repaid = LegalPersonLoanSizing.SplitAcross(Money.FromYuan(155_149_900m), granted);
        var households = Enumerable.Range(0, applying).Select(i => new HouseholdFacts(Household(i), VillageOf(i), Eligible: true, StarRating: 4)).ToList();
        var loans = Enumerable.Range(0, applying).Select(i => i < granted
            ? Loan(i, granted: true, outstanding: dues[i] - repaid[i], new PeriodPrincipal(dues[i], repaid[i]))
            : Loan(i, granted: false, outstanding: Money.Zero, new PeriodPrincipal(Money.Zero, Money.Zero)));

        var county = CountyFigures.Compute(County, households, loans, From, Through)[FigureScope.Of(County)];

        Assert.Equal((Money.FromYuan(156_486_000m), Money.FromYuan(155_149_900m)), (county.PrincipalDue, county.PrincipalRepaid));
        Assert.Equal(9915, county.RepaymentRateBp);
        Assert.Equal((applying, granted), (county.HouseholdsApplying, county.HouseholdsGranted));
        Assert.Equal(9304, county.ApprovalRateBp);
    }

    [Fact]
    public void AHouseholdCountsOnceWhereverItsLoansAreAndABankCountsNoEligibleHouseholds()
    {
        HouseholdFacts[] households =
        [
            new(Household(0), East, Eligible: true, StarRating: 5),
            new(Household(1), East, Eligible: true, StarRating: 3),
            new(Household(2), West, Eligible: false, StarRating: 0), // 五保户: not in the 户贷率's denominator
        ];
        LoanFacts[] loans =
        [
            Loan(0, granted: true, Money.FromYuan(20_000m), NothingDue, bank: "RCC"),
            Loan(0, granted: true, Money.FromYuan(10_000m), NothingDue, bank: "PSBC"),
            Loan(1, granted: false, Money.Zero, NothingDue, appliedOn: From.AddDays(-1)),
        ];

        var figures = CountyFigures.Compute(County, households, loans, From, Through);

        var county = figures[FigureScope.Of(County)];
        Assert.Equal((1, 1, 1, 2), (county.HouseholdsApplying, county.HouseholdsGranted, county.HouseholdsBorrowing, county.EligibleHouseholds));
        Assert.Equal(5000, county.BorrowingRateBp);
        Assert.Equal((1, 2), (figures[FigureScope.Of(East)].HouseholdsBorrowing, figures[FigureScope.Of(East)].EligibleHouseholds));
        Assert.Equal(0, figures[FigureScope.Of(West)].EligibleHouseholds);
        Assert.Equal((1, 0, 0), (figures[FigureScope.Bank("PSBC")].HouseholdsBorrowing, figures[FigureScope.Bank("PSBC")].EligibleHouseholds, figures[FigureScope.Bank("PSBC")].BorrowingRateBp));
    }

    [Fact]
    public void RatingsAreCountedAgainstTheTargetsOfArticle12()
    {
        // 10 households: 3 five-star, 2 three- or four-star, 4 below, 1 unrated.
        int[] stars = [5, 5, 5, 4, 3, 2, 2, 1, 1, 0];
        var households = stars.Select((rating, i) => new HouseholdFacts(Household(i), East, Eligible: true, rating));

        var ratings = CountyFigures.Compute(County, households, [], From, Through)[FigureScope.Of(County)].Ratings;
        var oneFiveStarDowngraded = ratings with { ByStars = [1, 2, 3, 1, 1, 2] };

        Assert.Equal([1, 2, 2, 1, 1, 3], ratings.ByStars);
        Assert.Equal((3000, 5000, true), (ratings.FiveStarBp, ratings.ThreeStarOrBetterBp, ratings.MeetsTargets));
        Assert.Equal((2000, 4000, false), (oneFiveStarDowngraded.FiveStarBp, oneFiveStarDowngraded.ThreeStarOrBetterBp, oneFiveStarDowngraded.MeetsTargets));
    }

    [Fact]
    public void ALegalPersonsLoanCountsInWhatFallsDueNotInHouseholds()
    {
        var loan = new LoanFacts(null, Township, "RCC", From, Granted: true, Money.FromYuan(40_000m), new PeriodPrincipal(Money.FromYuan(10_000m), Money.FromYuan(9_000m)));

        var figures = CountyFigures.Compute(County, [], [loan], From, Through);

        var township = figures[FigureScope.Of(Township)];
        Assert.Equal((9000, 0, 0), (township.RepaymentRateBp, township.HouseholdsApplying, township.HouseholdsBorrowing));
        Assert.False(figures.ContainsKey(FigureScope.Of(East)));
    }

    private static PeriodPrincipal NothingDue => new(Money.Zero, Money.Zero);

    private static string Household(int i) => $"{VillageOf(i).Value}-{i:00000}";

    private static AdminCode VillageOf(int i) => i % 2 == 0 ? East : West;

    private static LoanFacts Loan(int household, bool granted, Money outstanding, PeriodPrincipal inPeriod, string bank = "RCC", DateOnly? appliedOn = null) =>
        new(Household(household), VillageOf(household), bank, appliedOn ?? From.AddDays(30), granted, outstanding, inPeriod);
}
