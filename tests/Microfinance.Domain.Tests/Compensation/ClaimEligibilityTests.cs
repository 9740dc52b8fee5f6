using Microfinance.Domain.Compensation;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Tests.Compensation;

public sealed class ClaimEligibilityTests
{
    private static readonly CountyPolicy Policy = CountyPolicy.Default5321(new DateOnly(2020, 1, 1));

    private static readonly DateOnly Missed = new(2025, 6, 15);

    // 15 June + 90 days = 13 September: 15 days left of June, 31 of July, 31 of August, 13 of September.
    private static readonly DateOnly NinetyDaysLate = new(2025, 9, 13);

    // Gaps of 28, 28, 26 days, and 3 to the filing: never more than the 30-day collection period.
    private static readonly DunningAction[] Steady =
    [
        Dun(2025, 6, 20),
        Dun(2025, 7, 18),
        Dun(2025, 8, 15),
        Dun(2025, 9, 10),
    ];

    private static DunningAction Dun(int year, int month, int day) =>
        new(new DateOnly(year, month, day), DunningMethod.Visit, "上门催收");

    private static string Refusal(DateOnly filedOn, params DunningAction[] dunning) =>
        Assert.Throws<RuleViolationException>(() => ClaimEligibility.CheckFiling(Policy, Missed, filedOn, dunning)).Reason;

    [Fact]
    public void AClaimNinetyDaysOverdueWithSteadyCollectionIsAccepted()
    {
        var exception = Record.Exception(() => ClaimEligibility.CheckFiling(Policy, Missed, NinetyDaysLate, Steady));

        Assert.Null(exception);
    }

    [Fact]
    public void AClaimEightyNineDaysOverdueIsTooEarly()
    {
        var reason = Refusal(NinetyDaysLate.AddDays(-1), Steady[..3]);

        Assert.Equal("CLAIM_TOO_EARLY", reason);
    }

    [Fact]
    public void AClaimOnALoanWithNothingOverdueIsTooEarly()
    {
        var exception = Assert.Throws<RuleViolationException>(
            () => ClaimEligibility.CheckFiling(Policy, null, NinetyDaysLate, Steady));

        Assert.Equal("CLAIM_TOO_EARLY", exception.Reason);
    }

    [Fact]
    public void AClaimWithoutAnyDunningIsRefused()
    {
        var reason = Refusal(NinetyDaysLate);

        Assert.Equal("NO_DUNNING_IN_COLLECTION_PERIOD", reason);
    }

    [Fact]
    public void DunningOnTheLastDayOfTheCollectionPeriodIsInTime()
    {
        // 15 June + 30 days = 15 July; then 15 July → 14 August (30) → 13 September (30).
        var exception = Record.Exception(() => ClaimEligibility.CheckFiling(
            Policy, Missed, NinetyDaysLate, [Dun(2025, 7, 15), Dun(2025, 8, 14)]));

        Assert.Null(exception);
    }

    [Fact]
    public void AFirstDunningTheDayAfterTheCollectionPeriodIsRefused()
    {
        var reason = Refusal(NinetyDaysLate, Dun(2025, 7, 16), Dun(2025, 8, 14), Dun(2025, 9, 10));

        Assert.Equal("NO_DUNNING_IN_COLLECTION_PERIOD", reason);
    }

    [Fact]
    public void AReminderBeforeTheMissedDueDateIsNotCollection()
    {
        var reason = Refusal(NinetyDaysLate, Dun(2025, 6, 1), Dun(2025, 7, 20), Dun(2025, 8, 18), Dun(2025, 9, 10));

        Assert.Equal("NO_DUNNING_IN_COLLECTION_PERIOD", reason);
    }

    [Fact]
    public void ASilenceLongerThanTheCollectionPeriodBetweenDunningsMeansTheBankDidNotPursue()
    {
        // 18 July → 20 August is 33 days.
        var reason = Refusal(NinetyDaysLate, Dun(2025, 6, 20), Dun(2025, 7, 18), Dun(2025, 8, 20), Dun(2025, 9, 10));

        Assert.Equal("BANK_DID_NOT_PURSUE", reason);
    }

    [Fact]
    public void ASilenceLongerThanTheCollectionPeriodBeforeFilingMeansTheBankDidNotPursue()
    {
        // 10 August → 13 September is 34 days.
        var reason = Refusal(NinetyDaysLate, Dun(2025, 6, 20), Dun(2025, 7, 18), Dun(2025, 8, 10));

        Assert.Equal("BANK_DID_NOT_PURSUE", reason);
    }

    [Fact]
    public void ADunningDatedAfterTheFilingIsRefused()
    {
        var reason = Refusal(NinetyDaysLate, [.. Steady, Dun(2025, 9, 14)]);

        Assert.Equal("DATE_IN_FUTURE", reason);
    }

    [Fact]
    public void TheCollectionPeriodIsThePolicys()
    {
        var strict = Policy with { CollectionPeriodDays = 20 };

        // The 28-day gap of 20 June → 18 July is too long under a 20-day period.
        var exception = Assert.Throws<RuleViolationException>(
            () => ClaimEligibility.CheckFiling(strict, Missed, NinetyDaysLate, Steady));

        Assert.Equal("BANK_DID_NOT_PURSUE", exception.Reason);
    }

    [Fact]
    public void AnUninsuredLoanEntirelyAboveTheBaseCapHasNothingToClaim()
    {
        var loss = new ClaimLoss(Money.FromYuan(20_000m), Money.FromYuan(800m), FundBacked: Money.Zero);

        var exception = Assert.Throws<RuleViolationException>(() => ClaimEligibility.CheckCompensable(loss, null));

        Assert.Equal("LOAN_NOT_FUND_BACKED", exception.Reason);
    }

    [Fact]
    public void AnInsuredLoanAboveTheBaseCapMayBeClaimedForTheInsurersShare()
    {
        var loss = new ClaimLoss(Money.FromYuan(20_000m), Money.FromYuan(800m), FundBacked: Money.Zero);

        var exception = Record.Exception(
            () => ClaimEligibility.CheckCompensable(loss, new CreditInsurance("人保财险", "PICC-1", 80m)));

        Assert.Null(exception);
    }
}
