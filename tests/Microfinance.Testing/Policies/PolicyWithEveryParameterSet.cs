using System.Reflection;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Households;
using Microfinance.Domain.Policies;

namespace Microfinance.Testing.Policies;

/// <summary>
/// A valid county policy with every parameter away from the "5321" default, for round trips through
/// every form a policy takes (Orleans, proto): a parameter a form forgets comes back as its default
/// and the trip fails. <see cref="DefaultParameters"/> names any parameter this policy forgot, so a
/// parameter added to <see cref="CountyPolicy"/> fails until it is set here, and then everywhere.
/// </summary>
public static class PolicyWithEveryParameterSet
{
    public static CountyPolicy Build() => new()
    {
        EffectiveFrom = new DateOnly(2031, 2, 3),
        Name = "试点县2031",
        HouseholdCap = Money.FromYuan(60_000m),
        TopUpCap = Money.FromYuan(90_000m),
        TopUpSubsidised = true,
        TopUpCompensated = true,
        MaxTermMonths = 48,
        MinBorrowerAge = 20,
        MaxBorrowerAge = 60,
        EligibleCategories = new HashSet<HouseholdCategory> { HouseholdCategory.Monitored, HouseholdCategory.RegisteredPoor },
        InterestSource = InterestSource.Lpr,
        RateMayFloatUp = true,
        SubsidySharePercent = 70m,
        SubsidyOnlyWhenRepaidOnTime = false,
        LeverageMultiple = 8,
        FundSharePercent = 60m,
        OverdueDaysBeforeClaim = 120,
        PublicNoticeDays = 10,
        CollectionPeriodDays = 45,
        LegalPersonAmountPerDrivenHousehold = Money.FromYuan(6_000m),
        LegalPersonCap = Money.FromYuan(80_000m),
        LegalPersonShareOfTownshipQuotaPercent = 20m,
        LendingWindow = new LendingWindow(2, 1, 9, 30),
        NplTolerancePercent = 5m,
        MaxExtensionMonths = 6,
        MaxDeferralMonths = 3,
        ApprovalValidityDays = 45,
        CreditLines = CreditLineTable.Of(
        [
            new CreditLine(3, Money.FromYuan(20_000m), Money.FromYuan(30_000m)),
            new CreditLine(5, Money.FromYuan(50_000m), Money.FromYuan(60_000m)),
        ]),
    };

    /// <summary>The parameters <see cref="Build"/> leaves at their "5321" default: none, or it needs updating.</summary>
    public static IReadOnlyList<string> DefaultParameters()
    {
        var (built, defaults) = (Build(), CountyPolicy.Default5321(new DateOnly(2020, 1, 1)));
        return [.. Parameters()
            .Where(property => Equals(property.GetValue(built), property.GetValue(defaults)))
            .Select(property => property.Name)];
    }

    /// <summary>Every parameter of a policy: its public instance properties.</summary>
    public static IReadOnlyList<PropertyInfo> Parameters() =>
        typeof(CountyPolicy).GetProperties(BindingFlags.Public | BindingFlags.Instance);
}
