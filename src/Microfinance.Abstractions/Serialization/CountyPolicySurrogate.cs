using Microfinance.Domain.Finance;
using Microfinance.Domain.Households;

namespace Microfinance.Abstractions.Serialization;

/// <summary>
/// The wire and storage form of a county policy version. Ids are never renumbered or reused:
/// stored policy versions are read back through this shape.
/// </summary>
[GenerateSerializer, Alias("mf.CountyPolicy")]
public struct CountyPolicySurrogate
{
    [Id(0)] public DateOnly EffectiveFrom { get; set; }
    [Id(1)] public string Name { get; set; }
    [Id(2)] public Money HouseholdCap { get; set; }
    [Id(3)] public Money? TopUpCap { get; set; }
    [Id(4)] public bool TopUpSubsidised { get; set; }
    [Id(5)] public bool TopUpCompensated { get; set; }
    [Id(6)] public int MaxTermMonths { get; set; }
    [Id(7)] public int MinBorrowerAge { get; set; }
    [Id(8)] public int MaxBorrowerAge { get; set; }
    [Id(9)] public HouseholdCategory[] EligibleCategories { get; set; }
    [Id(10)] public InterestSource InterestSource { get; set; }
    [Id(11)] public bool RateMayFloatUp { get; set; }
    [Id(12)] public decimal SubsidySharePercent { get; set; }
    [Id(13)] public bool SubsidyOnlyWhenRepaidOnTime { get; set; }
    [Id(14)] public int LeverageMultiple { get; set; }
    [Id(15)] public decimal FundSharePercent { get; set; }
    [Id(16)] public int OverdueDaysBeforeClaim { get; set; }
    [Id(17)] public int PublicNoticeDays { get; set; }
    [Id(18)] public Money LegalPersonAmountPerDrivenHousehold { get; set; }
    [Id(19)] public Money LegalPersonCap { get; set; }
    [Id(20)] public decimal LegalPersonShareOfTownshipQuotaPercent { get; set; }
    [Id(21)] public int[]? LendingWindow { get; set; }
    [Id(22)] public decimal NplTolerancePercent { get; set; }
    [Id(23)] public int ApprovalValidityDays { get; set; }
    [Id(24)] public int CollectionPeriodDays { get; set; }
    [Id(25)] public int MaxExtensionMonths { get; set; }
    [Id(26)] public int MaxDeferralMonths { get; set; }

    /// <summary>The credit lines as (stars, line fen, credit village line fen) triples; null for none.</summary>
    [Id(27)] public long[]? CreditLines { get; set; }
}
