using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;

namespace Microfinance.Api.Tests;

/// <summary>
/// Every eligibility rule of the lending core, through the API: a loan that keeps the rule is
/// approved, one that breaks it is refused with FAILED_PRECONDITION and the rule's reason.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LoanEligibilityApiTests(ApiFixture fixture)
{
    private const long LoanFen = 2_000_000;
    private const long PlentyFen = 10_000_000_000;

    /// <summary>Today in China Standard Time: the platform's business date.</summary>
    private static readonly DateOnly Today = LendingSetup.BusinessToday();

    private static readonly Scenario Keeping = new();

    private static readonly Dictionary<string, (Scenario Keeps, Scenario Breaks)> Rules = new()
    {
        ["FIVE_GUARANTEE_HOUSEHOLD"] = (Keeping, Keeping with { Category = HouseholdCategory.FiveGuarantee }),
        ["HOUSEHOLD_CATEGORY_NOT_ELIGIBLE"] = (
            Keeping with { OnlyRegisteredPoor = true },
            Keeping with { OnlyRegisteredPoor = true, Category = HouseholdCategory.EscapedPoverty }),
        ["NO_LABOR_CAPACITY"] = (Keeping with { Labor = LaborCapacity.Weak }, Keeping with { Labor = LaborCapacity.None }),
        ["BORROWER_AGE_OUT_OF_RANGE"] = (Keeping with { HeadAge = 65 }, Keeping with { HeadAge = 66 }),
        ["TERM_EXCEEDS_POLICY"] = (Keeping with { TermMonths = 36 }, Keeping with { TermMonths = 37 }),
        ["OUTSIDE_LENDING_WINDOW"] = (Keeping with { WindowOpenToday = true }, Keeping with { WindowOpenToday = false }),
        ["COUNTY_LENDING_STOPPED"] = (Keeping, Keeping with { LendingStopped = true }),
        ["HOUSEHOLD_CAP_EXCEEDED"] = (Keeping with { AmountFen = 5_000_000 }, Keeping with { AmountFen = 5_000_001 }),
        ["VILLAGE_QUOTA_EXCEEDED"] = (Keeping with { QuotaFen = LoanFen }, Keeping with { QuotaFen = LoanFen - 1 }),
        ["FUND_LEVERAGE_EXCEEDED"] = (Keeping with { FundFen = LoanFen / 10 }, Keeping with { FundFen = LoanFen / 10 - 1 }),
    };

    public static TheoryData<string> RuleNames => [.. Rules.Keys];

    [Theory]
    [MemberData(nameof(RuleNames))]
    public async Task ALoanThatKeepsTheRuleIsApproved(string rule)
    {
        var loan = await OriginateAsync(Rules[rule].Keeps);

        Assert.Equal(LoanStage.Approved, loan.Stage);
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public async Task ALoanThatBreaksTheRuleIsRefusedNamingIt(string rule)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => OriginateAsync(Rules[rule].Breaks));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(rule, error.Reason());
    }

    /// <summary>A fresh county set up as the scenario says, and one loan from application to the bank's approval.</summary>
    private async Task<Loan> OriginateAsync(Scenario scenario)
    {
        var channel = fixture.Channel;
        var county = await LendingSetup.NewLendingCountyAsync(channel, scenario.QuotaFen, scenario.FundFen);
        var policies = new PolicyService.PolicyServiceClient(channel);
        if (scenario.OnlyRegisteredPoor || scenario.WindowOpenToday is not null)
        {
            await policies.CreatePolicyVersionAsync(new CreatePolicyVersionRequest
            {
                RequestId = Keys.NewRequestId(),
                CountyCode = county.County,
                Policy = TodaysPolicy(scenario),
            });
        }

        var household = await RegisterAsync(channel, county.Village, scenario);
        if (scenario.LendingStopped)
        {
            await policies.SetLendingStopAsync(new SetLendingStopRequest
            {
                RequestId = Keys.NewRequestId(),
                CountyCode = county.County,
                Stopped = true,
                Reason = "不良率达到容忍度",
            });
        }

        var loans = new LoanService.LoanServiceClient(channel);
        var loanId = $"ELIG-{Guid.NewGuid():N}";
        await loans.ApplyForLoanAsync(new ApplyForLoanRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = loanId,
            Application = new LoanApplication
            {
                RegistryNumber = household,
                BankCode = LendingSetup.BankCode,
                AmountFen = scenario.AmountFen,
                TermMonths = scenario.TermMonths,
                Purpose = "发展生猪养殖",
                Industry = "畜牧业",
            },
        });
        foreach (var party in new[] { LoanParty.Village, LoanParty.Township, LoanParty.County })
        {
            await loans.ReviewLoanAsync(new ReviewLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId, Party = party });
        }

        return (await loans.ApproveLoanAsync(new ApproveLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId })).Loan;
    }

    /// <summary>A policy version in force from today: 5321 defaults with the scenario's changes.</summary>
    private static CountyPolicy TodaysPolicy(Scenario scenario)
    {
        var policy = new CountyPolicy { EffectiveDate = Today.ToString("yyyy-MM-dd") };
        if (scenario.OnlyRegisteredPoor)
        {
            policy.EligibleCategories.Add(HouseholdCategory.RegisteredPoor);
        }

        if (scenario.WindowOpenToday is { } open)
        {
            // A one-month window: this month when open, the month after next when closed.
            var month = open ? Today : Today.AddMonths(2);
            policy.LendingWindow = new LendingWindow
            {
                StartMonth = month.Month,
                StartDay = 1,
                EndMonth = month.Month,
                EndDay = DateTime.DaysInMonth(month.Year, month.Month),
            };
        }

        return policy;
    }

    private static async Task<string> RegisterAsync(Grpc.Net.Client.GrpcChannel channel, string village, Scenario scenario)
    {
        var registryNumber = Keys.NewRegistryNumber();
        await new HouseholdService.HouseholdServiceClient(channel).RegisterHouseholdAsync(new RegisterHouseholdRequest
        {
            RequestId = Keys.NewRequestId(),
            Household = new Household
            {
                RegistryNumber = registryNumber,
                VillageCode = village,
                Head = new Person { Name = "农明华", ResidentId = Keys.NewResidentId(Today.AddYears(-scenario.HeadAge)) },
                Category = scenario.Category,
                LaborCapacity = scenario.Labor,
                StarRating = 3,
            },
        });
        return registryNumber;
    }

    /// <summary>One way of setting up a loan; the defaults keep every rule.</summary>
    private sealed record Scenario
    {
        public HouseholdCategory Category { get; init; } = HouseholdCategory.RegisteredPoor;

        public LaborCapacity Labor { get; init; } = LaborCapacity.Ordinary;

        public int HeadAge { get; init; } = 40;

        public long AmountFen { get; init; } = LoanFen;

        public int TermMonths { get; init; } = 24;

        public bool OnlyRegisteredPoor { get; init; }

        public bool? WindowOpenToday { get; init; }

        public bool LendingStopped { get; init; }

        public long QuotaFen { get; init; } = PlentyFen;

        public long FundFen { get; init; } = PlentyFen;
    }
}
