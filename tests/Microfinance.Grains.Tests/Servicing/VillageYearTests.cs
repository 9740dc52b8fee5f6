using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Servicing;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Servicing;

/// <summary>
/// Issue 4's year in one village (<see cref="VillageYear"/>): each loan's bucket and its history of
/// bucket changes, the tallies and ratios at every level, the NPL lending stop, and every monthly
/// subsidy statement, against figures worked out from the rules by hand.
/// </summary>
[Collection(VillageYearCollection.Name)]
public sealed class VillageYearTests(VillageYear year)
{
    private const string DayClose = "日终";

    private static readonly (int Loans, decimal Yuan) None = (0, 0m);

    /// <summary>
    /// What the county's books show after the close of a day: loans and principal per bucket
    /// (current, 1–30, 31–60, 61–90, over 90 days) with the overdue and NPL ratios, for the county
    /// and each bank; and every loan that is not current and open, with where it is instead.
    /// </summary>
    private static readonly Dictionary<string, Checkpoint> Checkpoints = new()
    {
        // Seven loans disbursed on the first day, nothing due yet.
        ["2026-03-16"] = new(
            County: new([(7, 300_000m), None, None, None, None], 0m, 0m),
            Rcc: new([(4, 190_000m), None, None, None, None], 0m, 0m),
            Psbc: new([(3, 110_000m), None, None, None, None], 0m, 0m),
            NotCurrent: []),

        // The first quarter's due date is day 0: Cured and Defaulter have not paid, but are not late
        // yet. Instalments repaid 10,000 of principal.
        ["2026-06-16"] = new(
            County: new([(7, 290_000m), None, None, None, None], 0m, 0m),
            Rcc: new([(4, 190_000m), None, None, None, None], 0m, 0m),
            Psbc: new([(3, 100_000m), None, None, None, None], 0m, 0m),
            NotCurrent: []),

        // Day 1 past due. Overdue: 80,000 / 290,000 = 27.5862%; RCC 30,000 / 190,000 = 15.7895%;
        // PSBC 50,000 / 100,000 = 50%.
        ["2026-06-17"] = new(
            County: new([(5, 210_000m), (2, 80_000m), None, None, None], 27.5862m, 0m),
            Rcc: new([(3, 160_000m), (1, 30_000m), None, None, None], 15.7895m, 0m),
            Psbc: new([(2, 50_000m), (1, 50_000m), None, None, None], 50m, 0m),
            NotCurrent: new() { [VillageLoan.Cured] = OverdueBucket.Days1To30, [VillageLoan.Defaulter] = OverdueBucket.Days1To30 }),

        // Day 31 (16 Jun + 31). MidYear's 20,000 joined PSBC on 1 Jul. Overdue: 80,000 / 310,000 =
        // 25.8065%; PSBC 50,000 / 120,000 = 41.6667%.
        ["2026-07-17"] = new(
            County: new([(6, 230_000m), None, (2, 80_000m), None, None], 25.8065m, 0m),
            Rcc: new([(3, 160_000m), None, (1, 30_000m), None, None], 15.7895m, 0m),
            Psbc: new([(3, 70_000m), None, (1, 50_000m), None, None], 41.6667m, 0m),
            NotCurrent: new() { [VillageLoan.Cured] = OverdueBucket.Days31To60, [VillageLoan.Defaulter] = OverdueBucket.Days31To60 }),

        // Cured paid all its interest today and is current again: 50,000 / 310,000 = 16.1290%.
        ["2026-07-25"] = new(
            County: new([(7, 260_000m), None, (1, 50_000m), None, None], 16.1290m, 0m),
            Rcc: new([(4, 190_000m), None, None, None, None], 0m, 0m),
            Psbc: new([(3, 70_000m), None, (1, 50_000m), None, None], 41.6667m, 0m),
            NotCurrent: new() { [VillageLoan.Defaulter] = OverdueBucket.Days31To60 }),

        // Defaulter on day 61; EarlyRepaid closed on 10 Aug. 50,000 / 290,000 = 17.2414%.
        ["2026-08-16"] = new(
            County: new([(6, 240_000m), None, None, (1, 50_000m), None], 17.2414m, 0m),
            Rcc: new([(4, 190_000m), None, None, None, None], 0m, 0m),
            Psbc: new([(2, 50_000m), None, None, (1, 50_000m), None], 50m, 0m),
            NotCurrent: new() { [VillageLoan.Defaulter] = OverdueBucket.Days61To90, [VillageLoan.EarlyRepaid] = LoanStage.Closed }),

        // Day 90 is still 61–90: nothing is non-performing yet. HeldUp was reviewed on 1 Sep.
        ["2026-09-14"] = new(
            County: new([(6, 240_000m), None, None, (1, 50_000m), None], 17.2414m, 0m),
            Rcc: new([(4, 190_000m), None, None, None, None], 0m, 0m),
            Psbc: new([(2, 50_000m), None, None, (1, 50_000m), None], 50m, 0m),
            NotCurrent: new()
            {
                [VillageLoan.Defaulter] = OverdueBucket.Days61To90,
                [VillageLoan.EarlyRepaid] = LoanStage.Closed,
                [VillageLoan.HeldUp] = LoanStage.CountyReviewed,
            }),

        // Day 91: non-performing. NPL 50,000 / 290,000 = 17.2414%, at or above the 10% tolerance.
        ["2026-09-15"] = new(
            County: new([(6, 240_000m), None, None, None, (1, 50_000m)], 17.2414m, 17.2414m),
            Rcc: new([(4, 190_000m), None, None, None, None], 0m, 0m),
            Psbc: new([(2, 50_000m), None, None, None, (1, 50_000m)], 50m, 50m),
            NotCurrent: new()
            {
                [VillageLoan.Defaulter] = OverdueBucket.Over90,
                [VillageLoan.EarlyRepaid] = LoanStage.Closed,
                [VillageLoan.HeldUp] = LoanStage.CountyReviewed,
            }),

        // Defaulter repaid everything today; Instalments is down to 20,000 since 16 Sep.
        ["2026-11-20"] = new(
            County: new([(6, 230_000m), None, None, None, None], 0m, 0m),
            Rcc: new([(4, 190_000m), None, None, None, None], 0m, 0m),
            Psbc: new([(2, 40_000m), None, None, None, None], 0m, 0m),
            NotCurrent: new()
            {
                [VillageLoan.Defaulter] = LoanStage.Closed,
                [VillageLoan.EarlyRepaid] = LoanStage.Closed,
                [VillageLoan.HeldUp] = LoanStage.CountyReviewed,
            }),

        // HeldUp disbursed once lending resumed.
        ["2026-11-23"] = new(
            County: new([(7, 240_000m), None, None, None, None], 0m, 0m),
            Rcc: new([(5, 200_000m), None, None, None, None], 0m, 0m),
            Psbc: new([(2, 40_000m), None, None, None, None], 0m, 0m),
            NotCurrent: new() { [VillageLoan.Defaulter] = LoanStage.Closed, [VillageLoan.EarlyRepaid] = LoanStage.Closed }),

        // Maturity of the loans of 16 Mar 2026: all repaid. MidYear and HeldUp run on.
        ["2027-03-16"] = new(
            County: new([(2, 30_000m), None, None, None, None], 0m, 0m),
            Rcc: new([(1, 10_000m), None, None, None, None], 0m, 0m),
            Psbc: new([(1, 20_000m), None, None, None, None], 0m, 0m),
            NotCurrent: new()
            {
                [VillageLoan.OnSchedule] = LoanStage.Closed,
                [VillageLoan.Monthly] = LoanStage.Closed,
                [VillageLoan.Instalments] = LoanStage.Closed,
                [VillageLoan.EarlyRepaid] = LoanStage.Closed,
                [VillageLoan.Cured] = LoanStage.Closed,
                [VillageLoan.Defaulter] = LoanStage.Closed,
                [VillageLoan.TopUp] = LoanStage.Closed,
            }),
    };

    /// <summary>
    /// Each bank's statement per month: the total subsidy, and per loan the interest accrued, the
    /// part subsidisable and the subsidy, in fen (125_00 is 125.00 yuan).
    /// </summary>
    /// <remarks>
    /// Interest is actual/360 at the 1-year LPR of 3.00%: "P × d d" is P × 3% × d / 360 = P × d /
    /// 12,000, rounded half up to the fen. A month's days count from its first (or the
    /// disbursement) up to, not including, its end or the day a repayment changes the principal.
    /// The subsidy is 70% of the subsidisable interest, rounded once (the same here whether the
    /// share is taken before or after rounding). Not subsidisable: the 30,000 top-up above TopUp's
    /// 50,000 base cap, and anything from a missed due date on (未按期还贷的，从到期之日起不予贴息),
    /// for good. Loans with no interest in the month have no line.
    /// </remarks>
    private static readonly Dictionary<(string Bank, int Year, int Month), Statement> Statements = new()
    {
        [(VillageYear.Rcc, 2026, 3)] = new(
            149_34,
            [
                new(VillageLoan.OnSchedule, 66_67, 66_67, 46_67), // 50,000 × 16 d = 66.67; × 70% = 46.67
                new(VillageLoan.Monthly, 40_00, 40_00, 28_00), // 30,000 × 16 d = 40.00; × 70% = 28.00
                new(VillageLoan.Cured, 40_00, 40_00, 28_00), // 30,000 × 16 d = 40.00; × 70% = 28.00
                new(VillageLoan.TopUp, 106_67, 66_67, 46_67), // 80,000 × 16 d = 106.67; base-cap part 50,000 × 16 d = 66.67; × 70% = 46.67
            ]),
        [(VillageYear.Rcc, 2026, 4)] = new(
            280_00,
            [
                new(VillageLoan.OnSchedule, 125_00, 125_00, 87_50), // 50,000 × 30 d = 125.00; × 70% = 87.50
                new(VillageLoan.Monthly, 75_00, 75_00, 52_50), // 30,000 × 30 d = 75.00; × 70% = 52.50
                new(VillageLoan.Cured, 75_00, 75_00, 52_50), // 30,000 × 30 d = 75.00; × 70% = 52.50
                new(VillageLoan.TopUp, 200_00, 125_00, 87_50), // 80,000 × 30 d = 200.00; base-cap part 50,000 × 30 d = 125.00; × 70% = 87.50
            ]),
        [(VillageYear.Rcc, 2026, 5)] = new(
            289_34,
            [
                new(VillageLoan.OnSchedule, 129_17, 129_17, 90_42), // 50,000 × 31 d = 129.17; × 70% = 90.42
                new(VillageLoan.Monthly, 77_50, 77_50, 54_25), // 30,000 × 31 d = 77.50; × 70% = 54.25
                new(VillageLoan.Cured, 77_50, 77_50, 54_25), // 30,000 × 31 d = 77.50; × 70% = 54.25
                new(VillageLoan.TopUp, 206_67, 129_17, 90_42), // 80,000 × 31 d = 206.67; base-cap part 50,000 × 31 d = 129.17; × 70% = 90.42
            ]),
        [(VillageYear.Rcc, 2026, 6)] = new(
            253_75,
            [
                new(VillageLoan.OnSchedule, 125_00, 125_00, 87_50), // 50,000 × 30 d = 125.00; × 70% = 87.50
                new(VillageLoan.Monthly, 75_00, 75_00, 52_50), // 30,000 × 30 d = 75.00; × 70% = 52.50
                new(VillageLoan.Cured, 75_00, 37_50, 26_25), // 30,000 × 30 d = 75.00; before the missed 16 Jun 30,000 × 15 d = 37.50; × 70% = 26.25
                new(VillageLoan.TopUp, 200_00, 125_00, 87_50), // 80,000 × 30 d = 200.00; base-cap part 50,000 × 30 d = 125.00; × 70% = 87.50
            ]),
        [(VillageYear.Rcc, 2026, 7)] = new(
            235_09,
            [
                new(VillageLoan.OnSchedule, 129_17, 129_17, 90_42), // 50,000 × 31 d = 129.17; × 70% = 90.42
                new(VillageLoan.Monthly, 77_50, 77_50, 54_25), // 30,000 × 31 d = 77.50; × 70% = 54.25
                new(VillageLoan.Cured, 77_50, 0, 0), // 30,000 × 31 d = 77.50; missed 16 Jun: no subsidy
                new(VillageLoan.TopUp, 206_67, 129_17, 90_42), // 80,000 × 31 d = 206.67; base-cap part 50,000 × 31 d = 129.17; × 70% = 90.42
            ]),
        [(VillageYear.Rcc, 2026, 8)] = new(
            235_09,
            [
                new(VillageLoan.OnSchedule, 129_17, 129_17, 90_42), // 50,000 × 31 d = 129.17; × 70% = 90.42
                new(VillageLoan.Monthly, 77_50, 77_50, 54_25), // 30,000 × 31 d = 77.50; × 70% = 54.25
                new(VillageLoan.Cured, 77_50, 0, 0), // 30,000 × 31 d = 77.50; missed 16 Jun: no subsidy
                new(VillageLoan.TopUp, 206_67, 129_17, 90_42), // 80,000 × 31 d = 206.67; base-cap part 50,000 × 31 d = 129.17; × 70% = 90.42
            ]),
        [(VillageYear.Rcc, 2026, 9)] = new(
            227_50,
            [
                new(VillageLoan.OnSchedule, 125_00, 125_00, 87_50), // 50,000 × 30 d = 125.00; × 70% = 87.50
                new(VillageLoan.Monthly, 75_00, 75_00, 52_50), // 30,000 × 30 d = 75.00; × 70% = 52.50
                new(VillageLoan.Cured, 75_00, 0, 0), // 30,000 × 30 d = 75.00; missed 16 Jun: no subsidy
                new(VillageLoan.TopUp, 200_00, 125_00, 87_50), // 80,000 × 30 d = 200.00; base-cap part 50,000 × 30 d = 125.00; × 70% = 87.50
            ]),
        [(VillageYear.Rcc, 2026, 10)] = new(
            235_09,
            [
                new(VillageLoan.OnSchedule, 129_17, 129_17, 90_42), // 50,000 × 31 d = 129.17; × 70% = 90.42
                new(VillageLoan.Monthly, 77_50, 77_50, 54_25), // 30,000 × 31 d = 77.50; × 70% = 54.25
                new(VillageLoan.Cured, 77_50, 0, 0), // 30,000 × 31 d = 77.50; missed 16 Jun: no subsidy
                new(VillageLoan.TopUp, 206_67, 129_17, 90_42), // 80,000 × 31 d = 206.67; base-cap part 50,000 × 31 d = 129.17; × 70% = 90.42
            ]),
        [(VillageYear.Rcc, 2026, 11)] = new(
            232_17,
            [
                new(VillageLoan.OnSchedule, 125_00, 125_00, 87_50), // 50,000 × 30 d = 125.00; × 70% = 87.50
                new(VillageLoan.Monthly, 75_00, 75_00, 52_50), // 30,000 × 30 d = 75.00; × 70% = 52.50
                new(VillageLoan.Cured, 75_00, 0, 0), // 30,000 × 30 d = 75.00; missed 16 Jun: no subsidy
                new(VillageLoan.TopUp, 200_00, 125_00, 87_50), // 80,000 × 30 d = 200.00; base-cap part 50,000 × 30 d = 125.00; × 70% = 87.50
                new(VillageLoan.HeldUp, 6_67, 6_67, 4_67), // 10,000 × 8 d (from 23 Nov) = 6.67; × 70% = 4.67
            ]),
        [(VillageYear.Rcc, 2026, 12)] = new(
            253_17,
            [
                new(VillageLoan.OnSchedule, 129_17, 129_17, 90_42), // 50,000 × 31 d = 129.17; × 70% = 90.42
                new(VillageLoan.Monthly, 77_50, 77_50, 54_25), // 30,000 × 31 d = 77.50; × 70% = 54.25
                new(VillageLoan.Cured, 77_50, 0, 0), // 30,000 × 31 d = 77.50; missed 16 Jun: no subsidy
                new(VillageLoan.TopUp, 206_67, 129_17, 90_42), // 80,000 × 31 d = 206.67; base-cap part 50,000 × 31 d = 129.17; × 70% = 90.42
                new(VillageLoan.HeldUp, 25_83, 25_83, 18_08), // 10,000 × 31 d = 25.83; × 70% = 18.08
            ]),
        [(VillageYear.Rcc, 2027, 1)] = new(
            253_17,
            [
                new(VillageLoan.OnSchedule, 129_17, 129_17, 90_42), // 50,000 × 31 d = 129.17; × 70% = 90.42
                new(VillageLoan.Monthly, 77_50, 77_50, 54_25), // 30,000 × 31 d = 77.50; × 70% = 54.25
                new(VillageLoan.Cured, 77_50, 0, 0), // 30,000 × 31 d = 77.50; missed 16 Jun: no subsidy
                new(VillageLoan.TopUp, 206_67, 129_17, 90_42), // 80,000 × 31 d = 206.67; base-cap part 50,000 × 31 d = 129.17; × 70% = 90.42
                new(VillageLoan.HeldUp, 25_83, 25_83, 18_08), // 10,000 × 31 d = 25.83; × 70% = 18.08
            ]),
        [(VillageYear.Rcc, 2027, 2)] = new(
            228_67,
            [
                new(VillageLoan.OnSchedule, 116_67, 116_67, 81_67), // 50,000 × 28 d = 116.67; × 70% = 81.67
                new(VillageLoan.Monthly, 70_00, 70_00, 49_00), // 30,000 × 28 d = 70.00; × 70% = 49.00
                new(VillageLoan.Cured, 70_00, 0, 0), // 30,000 × 28 d = 70.00; missed 16 Jun: no subsidy
                new(VillageLoan.TopUp, 186_67, 116_67, 81_67), // 80,000 × 28 d = 186.67; base-cap part 50,000 × 28 d = 116.67; × 70% = 81.67
                new(VillageLoan.HeldUp, 23_33, 23_33, 16_33), // 10,000 × 28 d = 23.33; × 70% = 16.33
            ]),
        [(VillageYear.Psbc, 2026, 3)] = new(
            102_67,
            [
                new(VillageLoan.Instalments, 53_33, 53_33, 37_33), // 40,000 × 16 d = 53.33; × 70% = 37.33
                new(VillageLoan.EarlyRepaid, 26_67, 26_67, 18_67), // 20,000 × 16 d = 26.67; × 70% = 18.67
                new(VillageLoan.Defaulter, 66_67, 66_67, 46_67), // 50,000 × 16 d = 66.67; × 70% = 46.67
            ]),
        [(VillageYear.Psbc, 2026, 4)] = new(
            192_50,
            [
                new(VillageLoan.Instalments, 100_00, 100_00, 70_00), // 40,000 × 30 d = 100.00; × 70% = 70.00
                new(VillageLoan.EarlyRepaid, 50_00, 50_00, 35_00), // 20,000 × 30 d = 50.00; × 70% = 35.00
                new(VillageLoan.Defaulter, 125_00, 125_00, 87_50), // 50,000 × 30 d = 125.00; × 70% = 87.50
            ]),
        [(VillageYear.Psbc, 2026, 5)] = new(
            198_92,
            [
                new(VillageLoan.Instalments, 103_33, 103_33, 72_33), // 40,000 × 31 d = 103.33; × 70% = 72.33
                new(VillageLoan.EarlyRepaid, 51_67, 51_67, 36_17), // 20,000 × 31 d = 51.67; × 70% = 36.17
                new(VillageLoan.Defaulter, 129_17, 129_17, 90_42), // 50,000 × 31 d = 129.17; × 70% = 90.42
            ]),
        [(VillageYear.Psbc, 2026, 6)] = new(
            140_00,
            [
                new(VillageLoan.Instalments, 87_50, 87_50, 61_25), // 40,000 × 15 d + 30,000 × 15 d (10,000 repaid 16 Jun) = 87.50; × 70% = 61.25
                new(VillageLoan.EarlyRepaid, 50_00, 50_00, 35_00), // 20,000 × 30 d = 50.00; × 70% = 35.00
                new(VillageLoan.Defaulter, 125_00, 62_50, 43_75), // 50,000 × 30 d = 125.00; before the missed 16 Jun 50,000 × 15 d = 62.50; × 70% = 43.75
            ]),
        [(VillageYear.Psbc, 2026, 7)] = new(
            126_59,
            [
                new(VillageLoan.Instalments, 77_50, 77_50, 54_25), // 30,000 × 31 d = 77.50; × 70% = 54.25
                new(VillageLoan.EarlyRepaid, 51_67, 51_67, 36_17), // 20,000 × 31 d = 51.67; × 70% = 36.17
                new(VillageLoan.Defaulter, 129_17, 0, 0), // 50,000 × 31 d = 129.17; missed 16 Jun: no subsidy
                new(VillageLoan.MidYear, 51_67, 51_67, 36_17), // 20,000 × 31 d = 51.67; × 70% = 36.17
            ]),
        [(VillageYear.Psbc, 2026, 8)] = new(
            100_92,
            [
                new(VillageLoan.Instalments, 77_50, 77_50, 54_25), // 30,000 × 31 d = 77.50; × 70% = 54.25
                new(VillageLoan.EarlyRepaid, 15_00, 15_00, 10_50), // 20,000 × 9 d (repaid 10 Aug) = 15.00; × 70% = 10.50
                new(VillageLoan.Defaulter, 129_17, 0, 0), // 50,000 × 31 d = 129.17; missed 16 Jun: no subsidy
                new(VillageLoan.MidYear, 51_67, 51_67, 36_17), // 20,000 × 31 d = 51.67; × 70% = 36.17
            ]),
        [(VillageYear.Psbc, 2026, 9)] = new(
            78_75,
            [
                new(VillageLoan.Instalments, 62_50, 62_50, 43_75), // 30,000 × 15 d + 20,000 × 15 d (10,000 repaid 16 Sep) = 62.50; × 70% = 43.75
                new(VillageLoan.Defaulter, 125_00, 0, 0), // 50,000 × 30 d = 125.00; missed 16 Jun: no subsidy
                new(VillageLoan.MidYear, 50_00, 50_00, 35_00), // 20,000 × 30 d = 50.00; × 70% = 35.00
            ]),
        [(VillageYear.Psbc, 2026, 10)] = new(
            72_34,
            [
                new(VillageLoan.Instalments, 51_67, 51_67, 36_17), // 20,000 × 31 d = 51.67; × 70% = 36.17
                new(VillageLoan.Defaulter, 129_17, 0, 0), // 50,000 × 31 d = 129.17; missed 16 Jun: no subsidy
                new(VillageLoan.MidYear, 51_67, 51_67, 36_17), // 20,000 × 31 d = 51.67; × 70% = 36.17
            ]),
        [(VillageYear.Psbc, 2026, 11)] = new(
            70_00,
            [
                new(VillageLoan.Instalments, 50_00, 50_00, 35_00), // 20,000 × 30 d = 50.00; × 70% = 35.00
                new(VillageLoan.Defaulter, 79_17, 0, 0), // 50,000 × 19 d (repaid 20 Nov) = 79.17; missed 16 Jun: no subsidy
                new(VillageLoan.MidYear, 50_00, 50_00, 35_00), // 20,000 × 30 d = 50.00; × 70% = 35.00
            ]),
        [(VillageYear.Psbc, 2026, 12)] = new(
            63_00,
            [
                new(VillageLoan.Instalments, 38_33, 38_33, 26_83), // 20,000 × 15 d + 10,000 × 16 d (10,000 repaid 16 Dec) = 38.33; × 70% = 26.83
                new(VillageLoan.MidYear, 51_67, 51_67, 36_17), // 20,000 × 31 d = 51.67; × 70% = 36.17
            ]),
        [(VillageYear.Psbc, 2027, 1)] = new(
            54_25,
            [
                new(VillageLoan.Instalments, 25_83, 25_83, 18_08), // 10,000 × 31 d = 25.83; × 70% = 18.08
                new(VillageLoan.MidYear, 51_67, 51_67, 36_17), // 20,000 × 31 d = 51.67; × 70% = 36.17
            ]),
        [(VillageYear.Psbc, 2027, 2)] = new(
            49_00,
            [
                new(VillageLoan.Instalments, 23_33, 23_33, 16_33), // 10,000 × 28 d = 23.33; × 70% = 16.33
                new(VillageLoan.MidYear, 46_67, 46_67, 32_67), // 20,000 × 28 d = 46.67; × 70% = 32.67
            ]),
    };

    public static TheoryData<string> CheckpointDates => [.. Checkpoints.Keys];

    public static TheoryData<string, int, int> StatementMonths
    {
        get
        {
            var months = new TheoryData<string, int, int>();
            foreach (var (bank, year, month) in Statements.Keys)
            {
                months.Add(bank, year, month);
            }

            return months;
        }
    }

    [Fact]
    public void TheDefaulterWalksThroughEveryBucketIntoNonPerformingUntilItRepays()
    {
        var loan = year.Days[VillageYear.LastDay].Loans[VillageLoan.Defaulter];

        // Its oldest unpaid due date stays 16 Jun: day 1 is 17 Jun, day 31 17 Jul, day 61 16 Aug, day 91 15 Sep.
        Assert.Equal(
            [
                "1 days past due since 2026-06-16: Days1To30",
                "31 days past due since 2026-06-16: Days31To60",
                "61 days past due since 2026-06-16: Days61To90",
                "91 days past due since 2026-06-16: Over90",
            ],
            DayCloseNotes(loan));
        Assert.Equal(new DateOnly(2026, 6, 16), loan.FirstMissedDueDate);
        Assert.Equal((LoanStage.Closed, "结清 on 2026-11-20"), (loan.History[^1].Stage, loan.History[^1].Note));
    }

    [Fact]
    public void ACatchUpPaymentReturnsTheLoanThatMissedADueDateToCurrent()
    {
        var loan = year.Days[VillageYear.LastDay].Loans[VillageLoan.Cured];

        Assert.Equal(
            [
                "1 days past due since 2026-06-16: Days1To30",
                "31 days past due since 2026-06-16: Days31To60",
                "current",
            ],
            DayCloseNotes(loan));
        Assert.Equal(new DateOnly(2026, 6, 16), loan.FirstMissedDueDate);
        Assert.Equal(LoanStage.Closed, loan.Stage);
    }

    [Fact]
    public void LoansPaidOnTimeNeverChangeBucket()
    {
        var loans = year.Days[VillageYear.LastDay].Loans;

        var punctual = loans.Where(loan => loan.Key is not (VillageLoan.Cured or VillageLoan.Defaulter)).ToList();

        Assert.Equal(7, punctual.Count);
        Assert.All(punctual, loan => Assert.Empty(DayCloseNotes(loan.Value)));
        Assert.All(punctual, loan => Assert.Null(loan.Value.FirstMissedDueDate));
    }

    [Theory]
    [MemberData(nameof(CheckpointDates))]
    public void EachLoanIsWhereItsPaymentsPutIt(string date)
    {
        var expected = Checkpoints[date].NotCurrent;

        var loans = year.Days[DateOnly.Parse(date)].Loans;

        Assert.All(loans, loan => Assert.Equal(expected.GetValueOrDefault(loan.Key, OverdueBucket.Current), StateOf(loan.Value)));
    }

    [Theory]
    [MemberData(nameof(CheckpointDates))]
    public void TalliesAtEveryLevelCountTheLoansAndPrincipalOfEachBucket(string date)
    {
        var expected = Checkpoints[date];

        var tallies = year.Days[DateOnly.Parse(date)].Books.Tallies;

        // One village in one township: village, township and county hold the same loans.
        Assert.Equal(expected.County, FiguresOf(tallies["county"]));
        Assert.Equal(expected.County, FiguresOf(tallies[$"township:{year.Branch.Township.Value}"]));
        Assert.Equal(expected.County, FiguresOf(tallies[$"village:{year.Branch.Village.Value}"]));
        Assert.Equal(expected.Rcc, FiguresOf(tallies[$"bank:{VillageYear.Rcc}"]));
        Assert.Equal(expected.Psbc, FiguresOf(tallies[$"bank:{VillageYear.Psbc}"]));
    }

    [Fact]
    public void LendingStopsFromTheCloseThatFindsTheNplRatioAtTheToleranceUntilTheCloseAfterTheDefaulterRepays()
    {
        var stoppedAfter = year.Days.Where(day => day.Value.Terms.LendingStopped).Select(day => day.Key).Order().ToList();

        // Over 90 days from the close of 15 Sep (17.2414% ≥ 10%) to its repayment on 20 Nov, whose
        // close finds no bad loan left.
        Assert.Equal(new DateOnly(2026, 9, 15), stoppedAfter[0]);
        Assert.Equal(new DateOnly(2026, 11, 19), stoppedAfter[^1]);
        Assert.Equal(66, stoppedAfter.Count);
        Assert.StartsWith("NPL ratio 17.2414%", year.Days[new DateOnly(2026, 9, 15)].Terms.StopReason);
    }

    [Fact]
    public void AnApprovalWhileLendingIsStoppedIsRefusedNamingTheRule()
    {
        var refusal = Assert.IsType<RuleViolationException>(year.ApprovalWhileStopped);

        Assert.Equal("COUNTY_LENDING_STOPPED", refusal.Reason);
        Assert.Equal(LoanStage.CountyReviewed, year.Days[new DateOnly(2026, 10, 15)].Loans[VillageLoan.HeldUp].Stage);
        Assert.Equal(new DateOnly(2026, 11, 23), year.Days[VillageYear.LastDay].Loans[VillageLoan.HeldUp].DisbursedOn);
    }

    [Theory]
    [MemberData(nameof(StatementMonths))]
    public void EachMonthsSubsidyStatementHoldsTheHandComputedFigures(string bank, int statementYear, int month)
    {
        var expected = Statements[(bank, statementYear, month)];

        var statement = year.Statement(bank, statementYear, month);

        Assert.Equal(SubsidyStatementStatus.Approved, statement.Status);
        Assert.Equal(
            expected.Lines.OrderBy(line => line.Loan),
            statement.Lines
                .Select(line => new Line(year.LoanWithId(line.LoanId), line.InterestAccrued.Fen, line.SubsidisableInterest.Fen, line.Subsidy.Fen))
                .OrderBy(line => line.Loan));
        Assert.Equal(expected.TotalSubsidyFen, statement.TotalSubsidy.Fen);
    }

    private static List<string> DayCloseNotes(LoanRecord loan) =>
        [.. loan.History.Where(entry => entry.Actor == DayClose).Select(entry => entry.Note)];

    /// <summary>An open loan's bucket (from its last day-close entry), or the stage of one that is not disbursed and open.</summary>
    private static Enum StateOf(LoanRecord loan)
    {
        if (loan.Stage != LoanStage.Disbursed)
        {
            return loan.Stage;
        }

        var last = DayCloseNotes(loan).LastOrDefault("current");
        return last == "current" ? OverdueBucket.Current : Enum.Parse<OverdueBucket>(last.Split(": ")[1]);
    }

    private static Figures FiguresOf(Tally tally) => new(
        [.. Enum.GetValues<OverdueBucket>().Select(bucket => (tally.Loans.GetValueOrDefault(bucket), tally.Principal.GetValueOrDefault(bucket).Yuan))],
        tally.OverdueRatioPercent,
        tally.NplRatioPercent);

    private sealed record Checkpoint(Figures County, Figures Rcc, Figures Psbc, Dictionary<VillageLoan, Enum> NotCurrent);

    /// <summary>Loans and principal in yuan per bucket, current first; the overdue and NPL ratios in percent.</summary>
    private sealed record Figures((int Loans, decimal Yuan)[] Buckets, decimal OverduePercent, decimal NplPercent)
    {
        public bool Equals(Figures? other) =>
            other is not null && Buckets.SequenceEqual(other.Buckets) && OverduePercent == other.OverduePercent && NplPercent == other.NplPercent;

        public override int GetHashCode() => HashCode.Combine(OverduePercent, NplPercent);

        public override string ToString() => $"[{string.Join(", ", Buckets)}] overdue {OverduePercent}% NPL {NplPercent}%";
    }

    private sealed record Statement(long TotalSubsidyFen, Line[] Lines);

    private sealed record Line(VillageLoan Loan, long AccruedFen, long SubsidisableFen, long SubsidyFen);
}
