using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Tests.Policies;

public sealed class PolicyLimitsTests
{
    private static readonly CountyPolicy Valid = CountyPolicy.Default5321(new DateOnly(2024, 1, 1));

    public static TheoryData<string, CountyPolicy> OutOfRange => new()
    {
        { nameof(CountyPolicy.ApprovalValidityDays), Valid with { ApprovalValidityDays = int.MaxValue } },
        { nameof(CountyPolicy.LeverageMultiple), Valid with { LeverageMultiple = PolicyLimits.MaxLeverageMultiple + 1 } },
        { nameof(CountyPolicy.MaxTermMonths), Valid with { MaxTermMonths = PolicyLimits.MaxTermMonths + 1 } },
        { nameof(CountyPolicy.MaxBorrowerAge), Valid with { MaxBorrowerAge = PolicyLimits.MaxBorrowerAge + 1 } },
        { nameof(CountyPolicy.MinBorrowerAge), Valid with { MinBorrowerAge = -1 } },
        { nameof(CountyPolicy.OverdueDaysBeforeClaim), Valid with { OverdueDaysBeforeClaim = PolicyLimits.MaxOverdueDaysBeforeClaim + 1 } },
        { nameof(CountyPolicy.PublicNoticeDays), Valid with { PublicNoticeDays = PolicyLimits.MaxPeriodDays + 1 } },
        { nameof(CountyPolicy.CollectionPeriodDays), Valid with { CollectionPeriodDays = int.MinValue } },
        { nameof(CountyPolicy.MaxExtensionMonths), Valid with { MaxExtensionMonths = PolicyLimits.MaxExtensionMonths + 1 } },
        { nameof(CountyPolicy.MaxDeferralMonths), Valid with { MaxDeferralMonths = PolicyLimits.MaxDeferralMonths + 1 } },
        { nameof(CountyPolicy.HouseholdCap), Valid with { HouseholdCap = new Money(long.MaxValue) } },
        { nameof(CountyPolicy.TopUpCap), Valid with { TopUpCap = PolicyLimits.MaxHouseholdCap + new Money(1) } },
        { nameof(CountyPolicy.LegalPersonCap), Valid with { LegalPersonCap = PolicyLimits.MaxLegalPersonCap + new Money(1) } },
        { nameof(CountyPolicy.LegalPersonAmountPerDrivenHousehold), Valid with { LegalPersonAmountPerDrivenHousehold = new Money(long.MinValue) } },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void AParameterOutsideItsRangeIsAProblemNamingIt(string parameter, CountyPolicy policy)
    {
        var problems = policy.Validate();

        Assert.Contains(problems, problem => problem.Parameter == parameter);
    }

    [Fact]
    public void TheBoundsThemselvesAreInRange()
    {
        var policy = Valid with
        {
            ApprovalValidityDays = PolicyLimits.MaxPeriodDays,
            LeverageMultiple = PolicyLimits.MaxLeverageMultiple,
            MaxTermMonths = PolicyLimits.MaxTermMonths,
            HouseholdCap = PolicyLimits.MaxHouseholdCap,
            LegalPersonCap = PolicyLimits.MaxLegalPersonCap,
            MaxExtensionMonths = PolicyLimits.MaxExtensionMonths,
            MaxDeferralMonths = PolicyLimits.MaxDeferralMonths,
        };

        Assert.Empty(policy.Validate());
    }
}
