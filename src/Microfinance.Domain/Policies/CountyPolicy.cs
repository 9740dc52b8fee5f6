using Microfinance.Domain.Finance;
using Microfinance.Domain.Households;

namespace Microfinance.Domain.Policies;

/// <summary>
/// One effective-dated version of a county's microcredit policy. Every property defaults to the
/// "5321" policy (第十条: "5万元以下，3年期以内，免担保、免抵押、基准利率放贷、财政贴息、县建风险
/// 补偿金"), so <c>new CountyPolicy { EffectiveFrom = d }</c> is that policy; a county that
/// differs overrides only what differs.
/// </summary>
/// <remarks>
/// Percentages are <c>decimal</c> percent (70 means 70%); amounts are <see cref="Money"/>. Nothing
/// here is checked on construction: call <see cref="Validate"/> before putting a version in force;
/// it holds every parameter to its range (<see cref="PolicyLimits"/>).
/// Two versions are equal when every parameter is, <see cref="EligibleCategories"/> compared as
/// sets: the record's own equality, as every parameter is a value.
/// </remarks>
public sealed record CountyPolicy
{
    private static readonly HouseholdCategorySet DefaultCategories = HouseholdCategorySet.Of(
    [
        HouseholdCategory.RegisteredPoor,
        HouseholdCategory.EscapedPoverty,
        HouseholdCategory.Monitored,
    ]);

    private readonly HouseholdCategorySet _eligibleCategories = DefaultCategories;

    /// <summary>The first day this version governs; it stays in force until the next version's.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>A label for people, e.g. <c>5321</c>.</summary>
    public string Name { get; init; } = "5321";

    /// <summary>
    /// 5万元以下: the most a household may owe and have reserved in poverty microloans, shared by all
    /// its borrowers, loans and banks (2019–). The part within it is fund-backed and subsidised.
    /// </summary>
    public Money HouseholdCap { get; init; } = Money.FromYuan(50_000m);

    /// <summary>
    /// A household total allowed above <see cref="HouseholdCap"/> (local rules from 2021: up to
    /// 100,000 yuan); <c>null</c> when the county allows no top-up.
    /// </summary>
    public Money? TopUpCap { get; init; }

    /// <summary>Whether interest on the part above <see cref="HouseholdCap"/> is subsidised (locally: it is not).</summary>
    public bool TopUpSubsidised { get; init; }

    /// <summary>Whether the part above <see cref="HouseholdCap"/> is covered by the risk-compensation fund (locally: it is not).</summary>
    public bool TopUpCompensated { get; init; }

    /// <summary>3年期以内: the longest term in months.</summary>
    public int MaxTermMonths { get; init; } = 36;

    /// <summary>The youngest borrower age in full years, inclusive (18–65 原则上, 2020–).</summary>
    public int MinBorrowerAge { get; init; } = 18;

    /// <summary>The oldest borrower age in full years, inclusive (第九条: 65周岁以下).</summary>
    public int MaxBorrowerAge { get; init; } = 65;

    /// <summary>
    /// The household categories that may borrow. 五保户 never may (第九条), whatever this says.
    /// </summary>
    public IReadOnlySet<HouseholdCategory> EligibleCategories
    {
        get => _eligibleCategories;
        init => _eligibleCategories = HouseholdCategorySet.Of(value);
    }

    /// <summary>The reference rate loans are priced against: 基准利率 under "5321", the LPR from 2021.</summary>
    public InterestSource InterestSource { get; init; } = InterestSource.Benchmark;

    /// <summary>Whether a contract rate may exceed the reference rate; "5321" says 不得上浮.</summary>
    public bool RateMayFloatUp { get; init; }

    /// <summary>The share of interest the county pays (财政贴息): 100% under "5321", 50% in 篇1, 70% in some counties 2024–25.</summary>
    public decimal SubsidySharePercent { get; init; } = 100m;

    /// <summary>
    /// Whether subsidy stops when the loan is not repaid on time ("未按期还贷的，从小额信贷资金到期之日起
    /// 不予贴息").
    /// </summary>
    public bool SubsidyOnlyWhenRepaidOnTime { get; init; } = true;

    /// <summary>第十三条: a bank lends at most this many times its risk-compensation fund balance (1:10).</summary>
    public int LeverageMultiple { get; init; } = 10;

    /// <summary>第二十二条: the fund's share of an approved loss (70%); the bank bears the rest.</summary>
    public decimal FundSharePercent { get; init; } = 70m;

    /// <summary>第十九条: days overdue before a loan may enter the compensation procedure.</summary>
    public int OverdueDaysBeforeClaim { get; init; } = 90;

    /// <summary>第二十条: the shortest public notice of a claim in the borrower's village, in days.</summary>
    public int PublicNoticeDays { get; init; } = 7;

    /// <summary>
    /// 第二十一条: a claim is refused when the bank did not dun (催收) within the collection period. The
    /// bank must dun within this many days of the first missed due date, and again at least this
    /// often until it files; a longer silence means it did not pursue the loan.
    /// </summary>
    public int CollectionPeriodDays { get; init; } = 30;

    /// <summary>篇1: a legal-person borrower may borrow this much per poor household it drives (每户5000元).</summary>
    public Money LegalPersonAmountPerDrivenHousehold { get; init; } = Money.FromYuan(5_000m);

    /// <summary>篇1: the most one legal-person borrower may borrow (最高限额为50000元).</summary>
    public Money LegalPersonCap { get; init; } = Money.FromYuan(50_000m);

    /// <summary>篇1: at most this share of a township's quota may go to legal persons (不得超过本乡镇贷款指标的25%).</summary>
    public decimal LegalPersonShareOfTownshipQuotaPercent { get; init; } = 25m;

    /// <summary>The part of the year in which loans may be disbursed; <c>null</c> for all year.</summary>
    public LendingWindow? LendingWindow { get; init; }

    /// <summary>
    /// 监管容忍度: new lending in the county stops once its non-performing ratio reaches this
    /// percentage (a key assisted county may be allowed 3 points more).
    /// </summary>
    public decimal NplTolerancePercent { get; init; } = 3m;

    /// <summary>
    /// 展期: the longest extension of a loan, in months (at most once per loan, with a new rating).
    /// The general lending rules may allow less for the loan's term (<c>ExtensionRule</c>).
    /// </summary>
    public int MaxExtensionMonths { get; init; } = 12;

    /// <summary>The longest disaster or epidemic deferral of repayments, in months (2020: up to six months).</summary>
    public int MaxDeferralMonths { get; init; } = 6;

    /// <summary>How many days a bank's approval holds its quota and cap reservations before it expires.</summary>
    public int ApprovalValidityDays { get; init; } = 30;

    /// <summary>
    /// 授信额度: the credit lines by star rating a household's loans stay within, below the household
    /// cap; <c>null</c> when the county lends by the cap alone ("5321" names none).
    /// </summary>
    public CreditLineTable? CreditLines { get; init; }

    /// <summary>The "5321" policy (第十条) in force from <paramref name="effectiveFrom"/>.</summary>
    public static CountyPolicy Default5321(DateOnly effectiveFrom) => new() { EffectiveFrom = effectiveFrom };

    /// <summary>
    /// The older county rules of seed 001 篇1: 10,000 yuan per household (一般每户最高不超过10000元),
    /// one-year term, 50% subsidy only for households that repay on time (按期归还贷款的农户，享受50%的
    /// 贴息), loans disbursed by the end of June, legal persons 5,000 yuan per driven household up to
    /// 50,000 and at most 25% of a township's quota. Only registered poor households (建档立卡贫困农户)
    /// were eligible then.
    /// </summary>
    public static CountyPolicy Older2015(DateOnly effectiveFrom) => new()
    {
        EffectiveFrom = effectiveFrom,
        Name = "篇1 (2015)",
        HouseholdCap = Money.FromYuan(10_000m),
        MaxTermMonths = 12,
        EligibleCategories = HouseholdCategorySet.Of([HouseholdCategory.RegisteredPoor]),
        SubsidySharePercent = 50m,
        SubsidyOnlyWhenRepaidOnTime = true,
        LendingWindow = LendingWindow.ByEndOfJune,
        LegalPersonAmountPerDrivenHousehold = Money.FromYuan(5_000m),
        LegalPersonCap = Money.FromYuan(50_000m),
        LegalPersonShareOfTownshipQuotaPercent = 25m,
    };

    /// <summary>
    /// The most of <paramref name="townshipQuota"/> that may go to legal-person borrowers, rounded
    /// down to the fen so the share is never exceeded.
    /// </summary>
    public Money LegalPersonShareOf(Money townshipQuota) =>
        townshipQuota.Multiply(LegalPersonShareOfTownshipQuotaPercent / 100m, MidpointRounding.ToNegativeInfinity);

    /// <summary>The problems with this version, each naming its parameter; empty when it can be put in force.</summary>
    public IReadOnlyList<PolicyProblem> Validate()
    {
        var problems = new List<PolicyProblem>();

        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add(new(nameof(Name), "is required."));
        }

        CheckAmount(problems, nameof(HouseholdCap), HouseholdCap, PolicyLimits.MaxHouseholdCap);
        if (TopUpCap is { } topUp)
        {
            if (topUp <= HouseholdCap)
            {
                problems.Add(new(nameof(TopUpCap), $"must be above the household cap of {HouseholdCap}, not {topUp}; leave it unset for no top-up."));
            }
            else
            {
                CheckAmount(problems, nameof(TopUpCap), topUp, PolicyLimits.MaxHouseholdCap);
            }
        }

        CheckRange(problems, nameof(MaxTermMonths), MaxTermMonths, 1, PolicyLimits.MaxTermMonths);
        CheckRange(problems, nameof(MinBorrowerAge), MinBorrowerAge, 0, PolicyLimits.MaxBorrowerAge);
        CheckRange(problems, nameof(MaxBorrowerAge), MaxBorrowerAge, 0, PolicyLimits.MaxBorrowerAge);
        if (MinBorrowerAge > MaxBorrowerAge)
        {
            problems.Add(new(nameof(MinBorrowerAge), $"must not be above the oldest borrower age of {MaxBorrowerAge}, not {MinBorrowerAge}."));
        }

        if (EligibleCategories.Count == 0)
        {
            problems.Add(new(nameof(EligibleCategories), "must name at least one household category."));
        }

        foreach (var category in EligibleCategories.Where(c => !Enum.IsDefined(c)))
        {
            problems.Add(new(nameof(EligibleCategories), $"contains unknown category {(int)category}."));
        }

        if (EligibleCategories.Contains(HouseholdCategory.FiveGuarantee))
        {
            problems.Add(new(nameof(EligibleCategories), "must not contain the five-guarantee category: 五保户 are excluded by 第九条."));
        }

        if (!Enum.IsDefined(InterestSource))
        {
            problems.Add(new(nameof(InterestSource), $"is unknown: {(int)InterestSource}."));
        }

        CheckPercent(problems, nameof(SubsidySharePercent), SubsidySharePercent);
        CheckPercent(problems, nameof(FundSharePercent), FundSharePercent);
        CheckPercent(problems, nameof(LegalPersonShareOfTownshipQuotaPercent), LegalPersonShareOfTownshipQuotaPercent);
        CheckPercent(problems, nameof(NplTolerancePercent), NplTolerancePercent);

        CheckRange(problems, nameof(LeverageMultiple), LeverageMultiple, 1, PolicyLimits.MaxLeverageMultiple);
        CheckRange(problems, nameof(OverdueDaysBeforeClaim), OverdueDaysBeforeClaim, 1, PolicyLimits.MaxOverdueDaysBeforeClaim);
        CheckRange(problems, nameof(PublicNoticeDays), PublicNoticeDays, 1, PolicyLimits.MaxPeriodDays);
        CheckAmount(problems, nameof(LegalPersonAmountPerDrivenHousehold), LegalPersonAmountPerDrivenHousehold, PolicyLimits.MaxLegalPersonCap);
        CheckAmount(problems, nameof(LegalPersonCap), LegalPersonCap, PolicyLimits.MaxLegalPersonCap);

        if (LendingWindow is not null)
        {
            problems.AddRange(LendingWindow.Validate().Select(problem => new PolicyProblem(nameof(LendingWindow), problem)));
        }

        CheckRange(problems, nameof(CollectionPeriodDays), CollectionPeriodDays, 1, PolicyLimits.MaxPeriodDays);
        CheckRange(problems, nameof(MaxExtensionMonths), MaxExtensionMonths, 0, PolicyLimits.MaxExtensionMonths);
        CheckRange(problems, nameof(MaxDeferralMonths), MaxDeferralMonths, 0, PolicyLimits.MaxDeferralMonths);
        CheckRange(problems, nameof(ApprovalValidityDays), ApprovalValidityDays, 1, PolicyLimits.MaxPeriodDays);
        if (CreditLines is not null)
        {
            problems.AddRange(CreditLines.Validate(PolicyLimits.MaxHouseholdCap).Select(problem => new PolicyProblem(nameof(CreditLines), problem)));
        }

        return problems;
    }

    private static void CheckRange(List<PolicyProblem> problems, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems.Add(new(name, $"must be between {min} and {max}, not {value}."));
        }
    }

    private static void CheckAmount(List<PolicyProblem> problems, string name, Money amount, Money max)
    {
        if (!amount.IsPositive || amount > max)
        {
            problems.Add(new(name, $"must be more than 0 and at most {max}, not {amount}."));
        }
    }

    private static void CheckPercent(List<PolicyProblem> problems, string name, decimal percent)
    {
        if (percent is < 0m or > 100m)
        {
            problems.Add(new(name, $"must be between 0 and 100, not {percent}."));
        }
    }
}
