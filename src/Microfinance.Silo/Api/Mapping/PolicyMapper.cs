using Google.Protobuf.WellKnownTypes;
using Microfinance.Abstractions.Policies;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>Maps county policies, their versions and lending terms to the proto contract.</summary>
public static class PolicyMapper
{
    private const decimal BasisPointsPerPercent = 100m;

    /// <summary>The proto field of each policy parameter, by its <see cref="CountyPolicy"/> property name.</summary>
    private static readonly Dictionary<string, string> ParameterFields = new(StringComparer.Ordinal)
    {
        [nameof(CountyPolicy.EffectiveFrom)] = "effective_date",
        [nameof(CountyPolicy.Name)] = "name",
        [nameof(CountyPolicy.HouseholdCap)] = "household_cap_fen",
        [nameof(CountyPolicy.TopUpCap)] = "top_up_cap_fen",
        [nameof(CountyPolicy.TopUpSubsidised)] = "top_up_subsidised",
        [nameof(CountyPolicy.TopUpCompensated)] = "top_up_compensated",
        [nameof(CountyPolicy.MaxTermMonths)] = "max_term_months",
        [nameof(CountyPolicy.MinBorrowerAge)] = "min_borrower_age",
        [nameof(CountyPolicy.MaxBorrowerAge)] = "max_borrower_age",
        [nameof(CountyPolicy.EligibleCategories)] = "eligible_categories",
        [nameof(CountyPolicy.InterestSource)] = "interest_source",
        [nameof(CountyPolicy.RateMayFloatUp)] = "rate_may_float_up",
        [nameof(CountyPolicy.SubsidySharePercent)] = "subsidy_share_bp",
        [nameof(CountyPolicy.SubsidyOnlyWhenRepaidOnTime)] = "subsidy_only_when_repaid_on_time",
        [nameof(CountyPolicy.LeverageMultiple)] = "leverage_multiple",
        [nameof(CountyPolicy.FundSharePercent)] = "fund_share_bp",
        [nameof(CountyPolicy.OverdueDaysBeforeClaim)] = "overdue_days_before_claim",
        [nameof(CountyPolicy.PublicNoticeDays)] = "public_notice_days",
        [nameof(CountyPolicy.LegalPersonAmountPerDrivenHousehold)] = "legal_person_amount_per_driven_household_fen",
        [nameof(CountyPolicy.LegalPersonCap)] = "legal_person_cap_fen",
        [nameof(CountyPolicy.LegalPersonShareOfTownshipQuotaPercent)] = "legal_person_share_bp",
        [nameof(CountyPolicy.LendingWindow)] = "lending_window",
        [nameof(CountyPolicy.NplTolerancePercent)] = "npl_tolerance_bp",
        [nameof(CountyPolicy.ApprovalValidityDays)] = "approval_validity_days",
        [nameof(CountyPolicy.CollectionPeriodDays)] = "collection_period_days",
        [nameof(CountyPolicy.MaxExtensionMonths)] = "max_extension_months",
        [nameof(CountyPolicy.MaxDeferralMonths)] = "max_deferral_months",
        [nameof(CountyPolicy.CreditLines)] = "credit_lines",
    };

    public static Proto.CountyPolicy ToProto(CountyPolicy policy) => new()
    {
        EffectiveDate = IsoDate.Format(policy.EffectiveFrom),
        Name = policy.Name,
        HouseholdCapFen = policy.HouseholdCap.Fen,
        TopUpCapFen = policy.TopUpCap?.Fen ?? 0,
        TopUpSubsidised = policy.TopUpSubsidised,
        TopUpCompensated = policy.TopUpCompensated,
        MaxTermMonths = policy.MaxTermMonths,
        MinBorrowerAge = policy.MinBorrowerAge,
        MaxBorrowerAge = policy.MaxBorrowerAge,
        EligibleCategories = { policy.EligibleCategories.Order().Select(ProtoEnums.ToProto) },
        InterestSource = ProtoEnums.ToProto(policy.InterestSource),
        RateMayFloatUp = policy.RateMayFloatUp,
        SubsidyShareBp = ToBasisPoints(policy.SubsidySharePercent),
        SubsidyOnlyWhenRepaidOnTime = policy.SubsidyOnlyWhenRepaidOnTime,
        LeverageMultiple = policy.LeverageMultiple,
        FundShareBp = ToBasisPoints(policy.FundSharePercent),
        OverdueDaysBeforeClaim = policy.OverdueDaysBeforeClaim,
        PublicNoticeDays = policy.PublicNoticeDays,
        LegalPersonAmountPerDrivenHouseholdFen = policy.LegalPersonAmountPerDrivenHousehold.Fen,
        LegalPersonCapFen = policy.LegalPersonCap.Fen,
        LegalPersonShareBp = ToBasisPoints(policy.LegalPersonShareOfTownshipQuotaPercent),
        LendingWindow = policy.LendingWindow is { } window
            ? new Proto.LendingWindow
            {
                StartMonth = window.StartMonth,
                StartDay = window.StartDay,
                EndMonth = window.EndMonth,
                EndDay = window.EndDay,
            }
            : null,
        NplToleranceBp = ToBasisPoints(policy.NplTolerancePercent),
        ApprovalValidityDays = policy.ApprovalValidityDays,
        CollectionPeriodDays = policy.CollectionPeriodDays,
        MaxExtensionMonths = policy.MaxExtensionMonths,
        MaxDeferralMonths = policy.MaxDeferralMonths,
        CreditLines =
        {
            (policy.CreditLines?.Lines ?? []).Select(row => new Proto.CreditLine
            {
                MinStars = row.MinStars, LineFen = row.Line.Fen, CreditVillageLineFen = row.CreditVillageLine.Fen,
            }),
        },
    };

    public static Proto.PolicyVersion ToProto(AdminCode county, PolicyVersionRecord version) => new()
    {
        CountyCode = county.Value,
        Policy = ToProto(version.Policy),
        Actor = version.Actor,
        CreateTime = Timestamp.FromDateTimeOffset(version.RecordedAt),
    };

    public static Proto.LendingTerms ToProto(AdminCode county, DateOnly date, LendingTerms terms) => new()
    {
        CountyCode = county.Value,
        Date = IsoDate.Format(date),
        Policy = ToProto(terms.Policy),
        LendingStopped = terms.LendingStopped,
        StopReason = terms.StopReason ?? "",
    };

    /// <summary>A share in basis points of the API as the domain's percent (2500 → 25%).</summary>
    public static decimal ToPercent(int basisPoints) => basisPoints / BasisPointsPerPercent;

    /// <summary>The proto field of the policy parameter <paramref name="parameter"/> (a <see cref="CountyPolicy"/> property name).</summary>
    /// <exception cref="KeyNotFoundException">The parameter has no field: a test holds every property to have one.</exception>
    public static string FieldOf(string parameter) => ParameterFields[parameter];

    /// <summary>Where one of <see cref="CountyPolicy.Validate"/>'s problems belongs in a request carrying the policy under <paramref name="prefix"/>.</summary>
    public static (string Field, string Description) ToFieldViolation(string prefix, PolicyProblem problem) =>
        ($"{prefix}.{FieldOf(problem.Parameter)}", problem.Description);

    private static int ToBasisPoints(decimal percent) =>
        decimal.ToInt32(decimal.Round(percent * BasisPointsPerPercent, MidpointRounding.ToZero));
}
