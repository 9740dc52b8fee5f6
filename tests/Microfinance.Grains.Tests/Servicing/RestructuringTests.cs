using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Servicing;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Servicing;

/// <summary>Extension (展期), renewal (无还本续贷) and a county's deferral on loans the books keep aging.</summary>
[Collection(DayCloseCollection.Name)]
public sealed class RestructuringTests(ClusterFixture fixture)
{
    private static readonly InterestRate Rate = new(435);
    private static readonly RepaymentTerms AllAtMaturity = new(InterestFrequency.AtMaturity, PrincipalRepayment.AtMaturity);

    private IGrainFactory Grains => fixture.Client;

    private DateOnly Today => fixture.Today;

    [Fact]
    public async Task AnExtendedLoanIsNotOverdueAtItsOldMaturityAndIsExtendedOnlyOnce()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var (loan, household) = await DisburseAsync(branch, Money.FromYuan(10_000m), AllAtMaturity);
        var disbursedOn = Today;
        var maturity = disbursedOn.AddMonths(12);
        fixture.MoveTo(maturity.AddDays(-5));

        var extended = await loan.ExtendAsync(6, "AA", "信贷员", "extend");
        var replayed = await loan.ExtendAsync(6, "AA", "信贷员", "extend");
        var again = await Assert.ThrowsAsync<RuleViolationException>(() => loan.ExtendAsync(3, "AA", "信贷员", "extend-again"));

        Assert.Equal(disbursedOn.AddMonths(18), extended.Schedule![^1].DueDate);
        Assert.Equal(Money.FromYuan(10_000m), extended.Schedule[^1].Principal);
        var extension = Assert.Single(extended.Restructurings!);
        Assert.Equal((RestructuringKind.Extension, 6, "AA", maturity), (extension.Kind, extension.Months, extension.Rating, extension.MaturityBefore));
        Assert.Equal(extended.Restructurings, replayed.Restructurings);
        Assert.Equal(extended.Schedule, replayed.Schedule);
        Assert.Equal("EXTENSION_ALREADY_GRANTED", again.Reason);

        // Past the old maturity the loan is still current, and it still holds the same 10,000 of the cap.
        fixture.MoveTo(maturity.AddDays(10));
        var books = await Grains.GetGrain<ICountyBooksGrain>(branch.County.Value).CloseThroughAsync(maturity.AddDays(9));
        Assert.Equal(Money.FromYuan(10_000m), books.Tallies[$"village:{branch.Village.Value}"].Principal[OverdueBucket.Current]);
        Assert.Equal(Money.Zero, books.Tallies[$"village:{branch.Village.Value}"].Overdue);
        var held = Assert.Single(await Grains.GetGrain<IHouseholdGrain>(household).ListLoansAsync());
        Assert.Equal(Money.FromYuan(10_000m), held.Committed);
    }

    [Fact]
    public async Task AnExtensionLongerThanThePolicyAllowsIsRefused()
    {
        var branch = await LendingBranch.CreateAsync(Grains, PolicyAllowingExtensionsOf(3));
        var (loan, _) = await DisburseAsync(branch, Money.FromYuan(10_000m), AllAtMaturity);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => loan.ExtendAsync(4, "A", "信贷员", "extend"));

        Assert.Equal("EXTENSION_TOO_LONG", refusal.Reason);
        Assert.Empty((await loan.GetAsync()).Restructurings!);
    }

    [Fact]
    public async Task ARenewalCarriesThePrincipalIntoANewContractWithoutCountingItAgain()
    {
        // The household borrows its whole 50,000 cap: a new loan would not fit, a renewal does.
        var branch = await LendingBranch.CreateAsync(Grains);
        var (loan, household) = await DisburseAsync(branch, Money.FromYuan(50_000m), AllAtMaturity);
        var disbursedOn = Today;
        var maturity = disbursedOn.AddMonths(12);
        fixture.MoveTo(maturity);

        var unpaid = await Assert.ThrowsAsync<RuleViolationException>(() => loan.RenewAsync(12, "AA", new InterestRate(400), "信贷员", "renew"));
        var interest = (await loan.GetAsync()).Balance!.InterestDueOn(Rate, maturity);
        await loan.RecordRepaymentAsync(maturity, interest, "信贷员", "interest");
        var renewed = await loan.RenewAsync(12, "AA", new InterestRate(400), "信贷员", "renew");

        Assert.Equal("INTEREST_UNPAID", unpaid.Reason);
        Assert.Equal(new InterestRate(400), renewed.ContractRate);
        Assert.Equal(maturity.AddMonths(12), renewed.Schedule![^1].DueDate);
        Assert.Equal(Money.FromYuan(50_000m), renewed.Balance!.Principal);
        Assert.Equal(Money.Zero, renewed.Balance.InterestDueOn(renewed.ContractRate!.Value, maturity));
        var held = Assert.Single(await Grains.GetGrain<IHouseholdGrain>(household).ListLoansAsync());
        Assert.Equal(Money.FromYuan(50_000m), held.Committed);

        // The old maturity passes without arrears.
        fixture.MoveTo(maturity.AddDays(3));
        var books = await Grains.GetGrain<ICountyBooksGrain>(branch.County.Value).CloseThroughAsync(maturity.AddDays(2));
        Assert.Equal(Money.Zero, books.Tallies[$"village:{branch.Village.Value}"].Overdue);
    }

    [Fact]
    public async Task TheSubsidyOfARenewalMonthSettlesEachContractAtItsOwnRate()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var (loan, _) = await DisburseAsync(branch, Money.FromYuan(10_000m), AllAtMaturity);
        var maturity = Today.AddMonths(12);
        fixture.MoveTo(maturity);
        var interest = (await loan.GetAsync()).Balance!.InterestDueOn(Rate, maturity);
        await loan.RecordRepaymentAsync(maturity, interest, "信贷员", "interest");
        await loan.RenewAsync(12, "AA", new InterestRate(400), "信贷员", "renew");

        var line = await loan.SubsidyForMonthAsync(maturity.Year, maturity.Month);

        // 10,000 at 4.35% from the 1st up to the renewal date, then at 4.00% to the month's end,
        // each contract rounded to the fen on its own (actual/360, 四舍五入), all subsidised (5321: 100%).
        var monthStart = new DateOnly(maturity.Year, maturity.Month, 1);
        var daysBefore = maturity.DayNumber - monthStart.DayNumber;
        var daysAfter = monthStart.AddMonths(1).DayNumber - maturity.DayNumber;
        var before = Math.Round(1_000_000m * 0.0435m * daysBefore / 360m, MidpointRounding.AwayFromZero);
        var after = Math.Round(1_000_000m * 0.0400m * daysAfter / 360m, MidpointRounding.AwayFromZero);
        Assert.Equal(new Money((long)(before + after)), line.InterestAccrued);
        Assert.Equal(line.InterestAccrued, line.Subsidy);
    }

    [Fact]
    public async Task ACountyDeferralCuresTheArrearsItCoversAndAppliesOnce()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var (late, _) = await DisburseAsync(branch, Money.FromYuan(20_000m), RepaymentTerms.Default);
        var (later, _) = await DisburseAsync(branch, Money.FromYuan(10_000m), RepaymentTerms.Default);
        var firstDue = Today.AddMonths(3);
        var books = Grains.GetGrain<ICountyBooksGrain>(branch.County.Value);
        var deferrals = Grains.GetGrain<ICountyDeferralsGrain>(branch.County.Value);

        // Neither pays the first quarter's interest: ten days later both are 1–30 days overdue.
        fixture.MoveTo(firstDue.AddDays(11));
        var flooded = await books.CloseThroughAsync(firstDue.AddDays(10));
        Assert.Equal(Money.FromYuan(30_000m), flooded.Tallies[$"village:{branch.Village.Value}"].Principal[OverdueBucket.Days1To30]);

        var tooLong = await Assert.ThrowsAsync<RuleViolationException>(
            () => deferrals.DeclareAsync(firstDue.AddDays(-15), firstDue.AddDays(15), 7, "洪灾", "县乡村振兴局", "flood-too-long"));
        var declared = await deferrals.DeclareAsync(firstDue.AddDays(-15), firstDue.AddDays(15), 3, "洪灾", "县乡村振兴局", "flood");
        var retried = await deferrals.DeclareAsync(firstDue.AddDays(-15), firstDue.AddDays(15), 3, "洪灾", "县乡村振兴局", "flood");

        Assert.Equal("DEFERRAL_TOO_LONG", tooLong.Reason);
        Assert.Equal((2, true), (declared.LoansDeferred, declared.Completed));
        Assert.Equal(declared, retried);
        var deferred = await late.GetAsync();
        Assert.Equal(firstDue.AddMonths(3), deferred.Schedule![0].DueDate);
        Assert.Equal(firstDue.AddMonths(3), deferred.Schedule[1].DueDate);
        Assert.Single(deferred.Restructurings!, r => r.Kind == RestructuringKind.Deferral);
        Assert.Null(deferred.FirstMissedDueDate);

        // The next close finds both current again.
        fixture.MoveTo(Today.AddDays(1));
        var cured = await books.CloseThroughAsync(Today.AddDays(-1));
        Assert.Equal(Money.FromYuan(30_000m), cured.Tallies[$"village:{branch.Village.Value}"].Principal[OverdueBucket.Current]);
        Assert.Equal(Money.Zero, cured.Tallies[$"village:{branch.Village.Value}"].Overdue);
        Assert.Contains(declared, await deferrals.ListAsync());
        Assert.Equal(firstDue.AddMonths(3), (await later.GetAsync()).Schedule![0].DueDate);
    }

    [Fact]
    public async Task ADeferralReachesALoanDisbursedAfterItWasDeclaredWhenADueDateFallsInItsWindow()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var firstDue = Today.AddMonths(3);
        var deferrals = Grains.GetGrain<ICountyDeferralsGrain>(branch.County.Value);
        var declared = await deferrals.DeclareAsync(firstDue.AddDays(-5), firstDue.AddDays(5), 2, "疫情", "县乡村振兴局", "epidemic");
        var elsewhere = await deferrals.DeclareAsync(firstDue.AddDays(20), firstDue.AddDays(40), 2, "旱灾", "县乡村振兴局", "drought");

        var (loan, _) = await DisburseAsync(branch, Money.FromYuan(10_000m), RepaymentTerms.Default);
        var retried = await loan.RecordDisbursementAsync(Today, "信贷员", "disburse");

        Assert.Equal((0, 0), (declared.LoansDeferred, elsewhere.LoansDeferred));
        Assert.Equal(firstDue.AddMonths(2), retried.Schedule![0].DueDate);
        var restructuring = Assert.Single(retried.Restructurings!);
        Assert.Equal((RestructuringKind.Deferral, "epidemic"), (restructuring.Kind, restructuring.DeferralId));
    }

    private static CountyPolicy PolicyAllowingExtensionsOf(int months) =>
        CountyPolicy.Default5321(new DateOnly(2020, 1, 1)) with { MaxExtensionMonths = months };

    /// <summary>A 12-month loan at 4.35% disbursed today for a new household of the branch.</summary>
    private async Task<(ILoanGrain Loan, string Household)> DisburseAsync(LendingBranch branch, Money amount, RepaymentTerms terms)
    {
        var household = await branch.NewHouseholdAsync();
        var loan = await branch.ReviewedLoanAsync(household, amount, termMonths: 12);
        await loan.ApproveAsync(Rate, "信贷员", "approve", terms);
        await loan.RecordDisbursementAsync(Today, "信贷员", "disburse");
        return (loan, household);
    }

    [Fact]
    public async Task ADeferralIdReusedForAnotherReasonIsRefusedAndTheFirstStands()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var deferrals = Grains.GetGrain<ICountyDeferralsGrain>(branch.County.Value);
        var today = fixture.Today;
        await deferrals.DeclareAsync(today, today.AddDays(30), 3, "洪灾", "县乡村振兴局", "disaster");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => deferrals.DeclareAsync(today, today.AddDays(30), 3, "旱灾", "县乡村振兴局", "disaster"));

        Assert.Equal("REQUEST_ID_REUSED", refusal.Reason);
        Assert.Equal(["洪灾"], (await deferrals.ListAsync()).Select(deferral => deferral.Reason));
    }
}
