using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;
using Microfinance.Silo.Api.Validation;
using DomainCategory = Microfinance.Domain.Households.HouseholdCategory;
using DomainPolicy = Microfinance.Domain.Policies.CountyPolicy;
using DomainWindow = Microfinance.Domain.Policies.LendingWindow;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>Reads a county policy out of a request, the way back of <see cref="PolicyMapper.ToProto(DomainPolicy)"/>.</summary>
public static class PolicyReader
{
    private const int MaxPolicyNameLength = 50;
    private const int MaxShareBasisPoints = 10_000;

    /// <summary>
    /// The domain's version of the policy in a request: a parameter left unset takes the "5321"
    /// default; every problem is added to <paramref name="check"/> under its proto field.
    /// </summary>
    public static DomainPolicy Read(RequestValidator check, Proto.CountyPolicy policy)
    {
        var defaults = DomainPolicy.Default5321(check.Date("policy.effective_date", policy.EffectiveDate));
        var name = check.OptionalText("policy.name", policy.Name, MaxPolicyNameLength);

        var categories = new HashSet<DomainCategory>();
        for (var i = 0; i < policy.EligibleCategories.Count; i++)
        {
            if (ProtoEnums.ToDomain(policy.EligibleCategories[i]) is { } category)
            {
                categories.Add(category);
            }
            else
            {
                check.Add($"policy.eligible_categories[{i}]", "is not a household category");
            }
        }

        var interestSource = defaults.InterestSource;
        if (policy.InterestSource != Proto.InterestSource.Unspecified)
        {
            if (ProtoEnums.ToDomain(policy.InterestSource) is { } source)
            {
                interestSource = source;
            }
            else
            {
                check.Add("policy.interest_source", "is not an interest source");
            }
        }

        var read = defaults with
        {
            Name = name.Length > 0 ? name : defaults.Name,
            HouseholdCap = OrDefault(policy.HouseholdCapFen, defaults.HouseholdCap),
            TopUpCap = policy.TopUpCapFen == 0 ? null : new Money(policy.TopUpCapFen),
            TopUpSubsidised = policy.TopUpSubsidised,
            TopUpCompensated = policy.TopUpCompensated,
            MaxTermMonths = OrDefault(policy.MaxTermMonths, defaults.MaxTermMonths),
            MinBorrowerAge = OrDefault(policy.MinBorrowerAge, defaults.MinBorrowerAge),
            MaxBorrowerAge = OrDefault(policy.MaxBorrowerAge, defaults.MaxBorrowerAge),
            EligibleCategories = categories.Count > 0 ? categories : defaults.EligibleCategories,
            InterestSource = interestSource,
            RateMayFloatUp = policy.RateMayFloatUp,
            SubsidySharePercent = Share(check, "policy.subsidy_share_bp", policy.SubsidyShareBp, defaults.SubsidySharePercent),
            SubsidyOnlyWhenRepaidOnTime = policy.HasSubsidyOnlyWhenRepaidOnTime
                ? policy.SubsidyOnlyWhenRepaidOnTime
                : defaults.SubsidyOnlyWhenRepaidOnTime,
            LeverageMultiple = OrDefault(policy.LeverageMultiple, defaults.LeverageMultiple),
            FundSharePercent = Share(check, "policy.fund_share_bp", policy.FundShareBp, defaults.FundSharePercent),
            OverdueDaysBeforeClaim = OrDefault(policy.OverdueDaysBeforeClaim, defaults.OverdueDaysBeforeClaim),
            PublicNoticeDays = OrDefault(policy.PublicNoticeDays, defaults.PublicNoticeDays),
            LegalPersonAmountPerDrivenHousehold = OrDefault(
                policy.LegalPersonAmountPerDrivenHouseholdFen, defaults.LegalPersonAmountPerDrivenHousehold),
            LegalPersonCap = OrDefault(policy.LegalPersonCapFen, defaults.LegalPersonCap),
            LegalPersonShareOfTownshipQuotaPercent = Share(
                check, "policy.legal_person_share_bp", policy.LegalPersonShareBp, defaults.LegalPersonShareOfTownshipQuotaPercent),
            LendingWindow = policy.LendingWindow is { } window
                ? new DomainWindow(window.StartMonth, window.StartDay, window.EndMonth, window.EndDay)
                : null,
            NplTolerancePercent = Share(check, "policy.npl_tolerance_bp", policy.NplToleranceBp, defaults.NplTolerancePercent),
            ApprovalValidityDays = OrDefault(policy.ApprovalValidityDays, defaults.ApprovalValidityDays),
            CollectionPeriodDays = OrDefault(policy.CollectionPeriodDays, defaults.CollectionPeriodDays),
            MaxExtensionMonths = policy.HasMaxExtensionMonths ? policy.MaxExtensionMonths : defaults.MaxExtensionMonths,
            MaxDeferralMonths = policy.HasMaxDeferralMonths ? policy.MaxDeferralMonths : defaults.MaxDeferralMonths,
            CreditLines = policy.CreditLines.Count > 0
                ? CreditLineTable.Of(policy.CreditLines.Select(row => new CreditLine(
                    row.MinStars, new Money(row.LineFen), new Money(row.CreditVillageLineFen == 0 ? row.LineFen : row.CreditVillageLineFen))))
                : null,
        };

        foreach (var problem in read.Validate())
        {
            var (field, description) = PolicyMapper.ToFieldViolation("policy", problem);
            if (!check.HasViolation(field))
            {
                check.Add(field, description);
            }
        }

        return read;
    }

    private static int OrDefault(int value, int defaultValue) => value == 0 ? defaultValue : value;

    private static Money OrDefault(long fen, Money defaultValue) => fen == 0 ? defaultValue : new Money(fen);

    private static decimal Share(RequestValidator check, string field, int basisPoints, decimal defaultPercent)
    {
        if (basisPoints == 0)
        {
            return defaultPercent;
        }

        check.Range(field, basisPoints, 1, MaxShareBasisPoints);
        return PolicyMapper.ToPercent(basisPoints);
    }
}
