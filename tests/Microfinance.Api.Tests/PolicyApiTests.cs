using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;

namespace Microfinance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class PolicyApiTests(ApiFixture fixture)
{
    private PolicyService.PolicyServiceClient Policies => new(fixture.Channel);

    private async Task<string> NewCountyAsync() =>
        (await RegionSetup.NewVillageAsync(new RegionService.RegionServiceClient(fixture.Channel))).County;

    private static CreatePolicyVersionRequest Version(string county, CountyPolicy policy) => new()
    {
        RequestId = Keys.NewRequestId(),
        CountyCode = county,
        Policy = policy,
    };

    [Fact]
    public async Task ACreatedVersionIsListedWithTheFiveThreeTwoOneDefaultsForWhatItLeftUnset()
    {
        var county = await NewCountyAsync();
        await Policies.CreatePolicyVersionAsync(Version(county, new CountyPolicy
        {
            EffectiveDate = "2015-03-01",
            Name = "篇1",
            HouseholdCapFen = 1_000_000,
            MaxTermMonths = 12,
            SubsidyShareBp = 5000,
            EligibleCategories = { HouseholdCategory.RegisteredPoor },
            LendingWindow = new LendingWindow { StartMonth = 1, StartDay = 1, EndMonth = 6, EndDay = 30 },
        }));

        var versions = (await Policies.ListPolicyVersionsAsync(new ListPolicyVersionsRequest { CountyCode = county })).PolicyVersions;

        var policy = Assert.Single(versions).Policy;
        Assert.Equal(("2015-03-01", "篇1"), (policy.EffectiveDate, policy.Name));
        Assert.Equal((1_000_000L, 12, 5000), (policy.HouseholdCapFen, policy.MaxTermMonths, policy.SubsidyShareBp));
        Assert.Equal([HouseholdCategory.RegisteredPoor], policy.EligibleCategories);
        Assert.Equal(6, policy.LendingWindow.EndMonth);
        Assert.Equal((18, 65, 10), (policy.MinBorrowerAge, policy.MaxBorrowerAge, policy.LeverageMultiple));
        Assert.Equal((7000, 2500, 300), (policy.FundShareBp, policy.LegalPersonShareBp, policy.NplToleranceBp));
        Assert.Equal((InterestSource.Benchmark, true, 0L), (policy.InterestSource, policy.SubsidyOnlyWhenRepaidOnTime, policy.TopUpCapFen));
        Assert.Equal((true, 12, true, 6), (policy.HasMaxExtensionMonths, policy.MaxExtensionMonths, policy.HasMaxDeferralMonths, policy.MaxDeferralMonths));
    }

    [Fact]
    public async Task CreditLinesAreKeptByStarsAndACreditVillageLineOfZeroMeansTheOrdinaryOne()
    {
        var county = await NewCountyAsync();
        var policy = new CountyPolicy { EffectiveDate = "2020-01-01" };
        policy.CreditLines.Add(new CreditLine { MinStars = 5, LineFen = 5_000_000 });
        policy.CreditLines.Add(new CreditLine { MinStars = 3, LineFen = 2_000_000, CreditVillageLineFen = 3_000_000 });
        var backwards = new CountyPolicy { EffectiveDate = "2021-01-01" };
        backwards.CreditLines.Add(new CreditLine { MinStars = 3, LineFen = 3_000_000 });
        backwards.CreditLines.Add(new CreditLine { MinStars = 4, LineFen = 2_000_000 });

        var kept = (await Policies.CreatePolicyVersionAsync(Version(county, policy))).PolicyVersion.Policy.CreditLines;
        var refused = await Assert.ThrowsAsync<RpcException>(() => Policies.CreatePolicyVersionAsync(Version(county, backwards)).ResponseAsync);

        Assert.Equal([(3, 2_000_000L, 3_000_000L), (5, 5_000_000L, 5_000_000L)], kept.Select(row => (row.MinStars, row.LineFen, row.CreditVillageLineFen)));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["policy.credit_lines"], refused.ViolatedFields());
    }

    [Fact]
    public async Task ZeroExtensionAndDeferralMonthsForbidThemRatherThanMeaningTheDefault()
    {
        var county = await NewCountyAsync();
        await Policies.CreatePolicyVersionAsync(Version(county, new CountyPolicy
        {
            EffectiveDate = "2020-01-01",
            MaxExtensionMonths = 0,
            MaxDeferralMonths = 0,
        }));

        var policy = Assert.Single((await Policies.ListPolicyVersionsAsync(new ListPolicyVersionsRequest { CountyCode = county })).PolicyVersions).Policy;

        Assert.Equal((true, 0, true, 0), (policy.HasMaxExtensionMonths, policy.MaxExtensionMonths, policy.HasMaxDeferralMonths, policy.MaxDeferralMonths));
    }

    [Fact]
    public async Task APolicyWhoseMinimumAgeIsAboveItsMaximumIsAnInvalidArgumentNamingTheField()
    {
        var county = await NewCountyAsync();
        var request = Version(county, new CountyPolicy { EffectiveDate = "2021-01-01", MinBorrowerAge = 70 });

        var error = await Assert.ThrowsAsync<RpcException>(() => Policies.CreatePolicyVersionAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["policy.min_borrower_age"], error.ViolatedFields());
    }

    [Fact]
    public async Task EveryMalformedPolicyParameterIsReportedAtOnce()
    {
        var request = Version("530124", new CountyPolicy
        {
            EffectiveDate = "2021-02-30",
            SubsidyShareBp = 12_000,
            EligibleCategories = { HouseholdCategory.FiveGuarantee },
            LendingWindow = new LendingWindow { StartMonth = 7, StartDay = 1, EndMonth = 6, EndDay = 30 },
        });

        var error = await Assert.ThrowsAsync<RpcException>(() => Policies.CreatePolicyVersionAsync(request).ResponseAsync);

        Assert.Equal(
            ["policy.effective_date", "policy.subsidy_share_bp", "policy.eligible_categories", "policy.lending_window"],
            error.ViolatedFields());
    }

    [Fact]
    public async Task LendingTermsOnADateAreThoseOfTheVersionInForceThen()
    {
        var county = await NewCountyAsync();
        await Policies.CreatePolicyVersionAsync(
            Version(county, new CountyPolicy { EffectiveDate = "2015-03-01", HouseholdCapFen = 1_000_000 }));
        await Policies.CreatePolicyVersionAsync(
            Version(county, new CountyPolicy { EffectiveDate = "2021-01-01", InterestSource = InterestSource.Lpr }));

        var terms = (await Policies.GetLendingTermsAsync(
            new GetLendingTermsRequest { CountyCode = county, Date = "2020-12-31" })).LendingTerms;

        Assert.Equal(("2015-03-01", 1_000_000L), (terms.Policy.EffectiveDate, terms.Policy.HouseholdCapFen));
        Assert.Equal(InterestSource.Benchmark, terms.Policy.InterestSource);
        Assert.False(terms.LendingStopped);
    }

    [Fact]
    public async Task ASecondVersionTakingEffectOnTheSameDateIsRefused()
    {
        var county = await NewCountyAsync();
        await Policies.CreatePolicyVersionAsync(Version(county, new CountyPolicy { EffectiveDate = "2021-01-01" }));

        var error = await Assert.ThrowsAsync<RpcException>(() => Policies.CreatePolicyVersionAsync(
            Version(county, new CountyPolicy { EffectiveDate = "2021-01-01", MaxTermMonths = 24 })).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("POLICY_VERSION_EXISTS", error.Reason());
    }

    [Fact]
    public async Task AStoppedCountyShowsTheStopAndItsReasonInTodaysLendingTerms()
    {
        var county = await NewCountyAsync();
        await Policies.CreatePolicyVersionAsync(Version(county, new CountyPolicy { EffectiveDate = "2021-01-01" }));

        await Policies.SetLendingStopAsync(new SetLendingStopRequest
        {
            RequestId = Keys.NewRequestId(),
            CountyCode = county,
            Stopped = true,
            Reason = "不良率达到监管容忍度",
        });

        var terms = (await Policies.GetLendingTermsAsync(new GetLendingTermsRequest { CountyCode = county })).LendingTerms;
        Assert.True(terms.LendingStopped);
        Assert.Contains("不良率达到监管容忍度", terms.StopReason);
    }

    [Fact]
    public async Task StoppingLendingWithoutAReasonIsAnInvalidArgument()
    {
        var request = new SetLendingStopRequest
        {
            RequestId = Keys.NewRequestId(),
            CountyCode = "530124",
            Stopped = true,
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => Policies.SetLendingStopAsync(request).ResponseAsync);

        Assert.Equal(["reason"], error.ViolatedFields());
    }

    [Fact]
    public async Task VersionsAreListedByEffectiveDateAcrossPages()
    {
        var county = await NewCountyAsync();
        foreach (var date in new[] { "2021-01-01", "2015-03-01", "2024-01-01" })
        {
            await Policies.CreatePolicyVersionAsync(Version(county, new CountyPolicy { EffectiveDate = date }));
        }

        var first = await Policies.ListPolicyVersionsAsync(new ListPolicyVersionsRequest { CountyCode = county, PageSize = 2 });
        var second = await Policies.ListPolicyVersionsAsync(new ListPolicyVersionsRequest
        {
            CountyCode = county,
            PageSize = 2,
            PageToken = first.NextPageToken,
        });

        Assert.Equal(["2015-03-01", "2021-01-01"], first.PolicyVersions.Select(v => v.Policy.EffectiveDate));
        Assert.Equal(["2024-01-01"], second.PolicyVersions.Select(v => v.Policy.EffectiveDate));
        Assert.Equal("", second.NextPageToken);
    }
}
