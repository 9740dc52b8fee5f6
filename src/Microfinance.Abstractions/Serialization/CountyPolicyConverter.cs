using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="CountyPolicy"/> without Orleans in the domain.</summary>
[RegisterConverter]
public sealed class CountyPolicyConverter : IConverter<CountyPolicy, CountyPolicySurrogate>
{
    public CountyPolicy ConvertFromSurrogate(in CountyPolicySurrogate s) => new()
    {
        EffectiveFrom = s.EffectiveFrom,
        Name = s.Name ?? "",
        HouseholdCap = s.HouseholdCap,
        TopUpCap = s.TopUpCap,
        TopUpSubsidised = s.TopUpSubsidised,
        TopUpCompensated = s.TopUpCompensated,
        MaxTermMonths = s.MaxTermMonths,
        MinBorrowerAge = s.MinBorrowerAge,
        MaxBorrowerAge = s.MaxBorrowerAge,
        EligibleCategories = (s.EligibleCategories ?? []).ToHashSet(),
        InterestSource = s.InterestSource,
        RateMayFloatUp = s.RateMayFloatUp,
        SubsidySharePercent = s.SubsidySharePercent,
        SubsidyOnlyWhenRepaidOnTime = s.SubsidyOnlyWhenRepaidOnTime,
        LeverageMultiple = s.LeverageMultiple,
        FundSharePercent = s.FundSharePercent,
        OverdueDaysBeforeClaim = s.OverdueDaysBeforeClaim,
        PublicNoticeDays = s.PublicNoticeDays,
        LegalPersonAmountPerDrivenHousehold = s.LegalPersonAmountPerDrivenHousehold,
        LegalPersonCap = s.LegalPersonCap,
        LegalPersonShareOfTownshipQuotaPercent = s.LegalPersonShareOfTownshipQuotaPercent,
        LendingWindow = s.LendingWindow is [var startMonth, var startDay, var endMonth, var endDay]
            ? new LendingWindow(startMonth, startDay, endMonth, endDay)
            : null,
        NplTolerancePercent = s.NplTolerancePercent,
        ApprovalValidityDays = s.ApprovalValidityDays,
        CollectionPeriodDays = s.CollectionPeriodDays,
        MaxExtensionMonths = s.MaxExtensionMonths,
        MaxDeferralMonths = s.MaxDeferralMonths,
        CreditLines = s.CreditLines is { } lines
            ? CreditLineTable.Of(lines.Chunk(3).Select(row => new CreditLine((int)row[0], new Money(row[1]), new Money(row[2]))))
            : null,
    };

    public CountyPolicySurrogate ConvertToSurrogate(in CountyPolicy p) => new()
    {
        EffectiveFrom = p.EffectiveFrom,
        Name = p.Name,
        HouseholdCap = p.HouseholdCap,
        TopUpCap = p.TopUpCap,
        TopUpSubsidised = p.TopUpSubsidised,
        TopUpCompensated = p.TopUpCompensated,
        MaxTermMonths = p.MaxTermMonths,
        MinBorrowerAge = p.MinBorrowerAge,
        MaxBorrowerAge = p.MaxBorrowerAge,
        EligibleCategories = p.EligibleCategories.Order().ToArray(),
        InterestSource = p.InterestSource,
        RateMayFloatUp = p.RateMayFloatUp,
        SubsidySharePercent = p.SubsidySharePercent,
        SubsidyOnlyWhenRepaidOnTime = p.SubsidyOnlyWhenRepaidOnTime,
        LeverageMultiple = p.LeverageMultiple,
        FundSharePercent = p.FundSharePercent,
        OverdueDaysBeforeClaim = p.OverdueDaysBeforeClaim,
        PublicNoticeDays = p.PublicNoticeDays,
        LegalPersonAmountPerDrivenHousehold = p.LegalPersonAmountPerDrivenHousehold,
        LegalPersonCap = p.LegalPersonCap,
        LegalPersonShareOfTownshipQuotaPercent = p.LegalPersonShareOfTownshipQuotaPercent,
        LendingWindow = p.LendingWindow is { } w ? [w.StartMonth, w.StartDay, w.EndMonth, w.EndDay] : null,
        NplTolerancePercent = p.NplTolerancePercent,
        ApprovalValidityDays = p.ApprovalValidityDays,
        CollectionPeriodDays = p.CollectionPeriodDays,
        MaxExtensionMonths = p.MaxExtensionMonths,
        MaxDeferralMonths = p.MaxDeferralMonths,
        CreditLines = p.CreditLines is { } table
            ? [.. table.Lines.SelectMany(row => new[] { row.MinStars, row.Line.Fen, row.CreditVillageLine.Fen })]
            : null,
    };
}
