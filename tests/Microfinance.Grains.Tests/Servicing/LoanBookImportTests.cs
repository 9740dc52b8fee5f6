using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Servicing;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Servicing;

/// <summary>
/// A bank's existing loans brought onto the platform (存量贷款迁移): afterwards each is tallied, aged,
/// repaid and subsidised like a loan originated here.
/// </summary>
[Collection(DayCloseCollection.Name)]
public sealed class LoanBookImportTests(ClusterFixture fixture)
{
    private const string Actor = "信用社迁移";
    private static readonly InterestRate Rate = new(435);
    private static readonly Money Lent = Money.FromYuan(30_000m);
    private static readonly Money Owing = Money.FromYuan(20_000m);

    private IGrainFactory Grains => fixture.Client;

    private DateOnly Today => fixture.Today;

    [Fact]
    public async Task AnImportedLoanIsTalliedInTheBucketItsArrearsPutItIn()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var disbursedOn = Today.AddDays(-135);
        var loan = Loan(await branch.NewHouseholdAsync(), branch, disbursedOn, LoanBalance.Disbursed(Lent, disbursedOn));

        var report = await Importer(branch).ImportAsync([loan], Actor, "batch-1");

        // Nothing paid since disbursement: the first quarterly due date, 43 to 46 days ago, is unpaid.
        var books = await Books(branch).GetAsync();
        var record = await Grains.GetGrain<ILoanGrain>(loan.LoanId).GetAsync();
        Assert.Equal(1, report.Imported);
        Assert.Equal(Lent, books.Tallies["county"].Principal[OverdueBucket.Days31To60]);
        Assert.Equal(Lent, books.Tallies[$"village:{branch.Village.Value}"].Overdue);
        Assert.Equal(LoanStage.Disbursed, record.Stage);
        Assert.Equal(record.Schedule![0].DueDate, record.FirstMissedDueDate);
    }

    [Fact]
    public async Task AnImportedLoanAgesAtDayCloseLikeAnOriginatedOne()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var disbursedOn = Today.AddDays(-60);
        var loan = Loan(await branch.NewHouseholdAsync(), branch, disbursedOn, LoanBalance.Disbursed(Lent, disbursedOn));
        await Importer(branch).ImportAsync([loan], Actor, "batch-1");
        var firstDue = (await Grains.GetGrain<ILoanGrain>(loan.LoanId).GetAsync()).Schedule![0].DueDate;
        fixture.MoveTo(firstDue.AddDays(2));

        var books = await Books(branch).CloseThroughAsync(firstDue.AddDays(1));

        var history = (await Grains.GetGrain<ILoanGrain>(loan.LoanId).GetAsync()).History;
        Assert.Equal(1, books.LoansVisited);
        Assert.Equal(Lent, books.Tallies["county"].Principal[OverdueBucket.Days1To30]);
        Assert.Equal(0, books.Tallies["county"].Loans[OverdueBucket.Current]);
        Assert.EndsWith($"since {firstDue:yyyy-MM-dd}: {OverdueBucket.Days1To30}", history[^1].Note);
    }

    [Fact]
    public async Task AnImportedLoanCountsAgainstTheHouseholdCapAndTheFund()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var household = await branch.NewHouseholdAsync();

        await Importer(branch).ImportAsync([PartlyRepaidLoan(household, branch)], Actor, "batch-1");

        var held = Assert.Single(await Grains.GetGrain<IHouseholdGrain>(household).ListLoansAsync());
        Assert.Equal(Owing, held.Committed);
        Assert.Equal(HouseholdLoanStatus.Disbursed, held.Status);
        Assert.Equal(Owing, (await branch.Fund.GetPositionAsync()).Outstanding);
    }

    [Fact]
    public async Task RepayingAnImportedLoanFreesTheHouseholdCapAndTheFund()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var household = await branch.NewHouseholdAsync();
        var loan = PartlyRepaidLoan(household, branch);
        await Importer(branch).ImportAsync([loan], Actor, "batch-1");

        // Interest is paid through today, so the whole payment is principal.
        var repaid = await Grains.GetGrain<ILoanGrain>(loan.LoanId).RecordRepaymentAsync(Today, Money.FromYuan(5_000m), "信贷员", "repay-1");

        Assert.Equal(Money.FromYuan(15_000m), repaid.Balance!.Principal);
        Assert.Equal(2, repaid.Repayments![^1].Sequence);
        Assert.Equal(Money.FromYuan(15_000m), Assert.Single(await Grains.GetGrain<IHouseholdGrain>(household).ListLoansAsync()).Committed);
        Assert.Equal(Money.FromYuan(15_000m), (await branch.Fund.GetPositionAsync()).Outstanding);
        Assert.Equal(Money.FromYuan(15_000m), (await Books(branch).GetAsync()).Tallies["county"].Outstanding);
    }

    [Fact]
    public async Task AnImportedLoanIsSubsidisedOnWhatItOwesAfterTheCutOver()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = PartlyRepaidLoan(await branch.NewHouseholdAsync(), branch);
        await Importer(branch).ImportAsync([loan], Actor, "batch-1");
        var month = new DateOnly(Today.Year, Today.Month, 1).AddMonths(1);
        fixture.MoveTo(month.AddMonths(1).AddDays(1));

        var statement = await Grains.GetGrain<ISubsidyStatementGrain>($"{FundAccountId.For(branch.County, LendingBranch.BankCode)}:{month:yyyy-MM}")
            .PrepareAsync("信用社", "prepare");

        // 20,000.00 outstanding after 10,000.00 repaid at the bank; no due date falls in the month.
        var line = Assert.Single(statement.Lines);
        Assert.Equal(loan.LoanId, line.LoanId);
        Assert.Equal(DayCount.Interest(Owing, Rate, month, month.AddMonths(1)), line.Subsidy);
    }

    [Fact]
    public async Task ImportingABatchAgainCountsItsLoansOnce()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var household = await branch.NewHouseholdAsync();
        var loan = PartlyRepaidLoan(household, branch);
        await Importer(branch).ImportAsync([loan], Actor, "batch-1");

        var again = await Importer(branch).ImportAsync([loan], Actor, "batch-1");

        var county = (await Books(branch).GetAsync()).Tallies["county"];
        Assert.Equal(1, again.Imported);
        Assert.Empty(again.Refused);
        Assert.Equal(1, county.Loans[OverdueBucket.Current]);
        Assert.Equal(Owing, county.Outstanding);
        Assert.Equal(Owing, Assert.Single(await Grains.GetGrain<IHouseholdGrain>(household).ListLoansAsync()).Committed);
        Assert.Equal(Owing, (await branch.Fund.GetPositionAsync()).Outstanding);
    }

    [Fact]
    public async Task ABatchIdReusedForALoanWithOtherTermsRefusesThatLoanAndChangesNothing()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = PartlyRepaidLoan(await branch.NewHouseholdAsync(), branch);
        await Importer(branch).ImportAsync([loan], Actor, "batch-1");

        var again = await Importer(branch).ImportAsync([loan with { Purpose = "养殖" }], Actor, "batch-1");

        var refusal = Assert.Single(again.Refused);
        Assert.Equal((0, loan.LoanId, "REQUEST_ID_REUSED"), (again.Imported, refusal.LoanId, refusal.Reason));
        Assert.Equal(loan.Purpose, (await Grains.GetGrain<ILoanGrain>(loan.LoanId).GetAsync()).Application.Purpose);
        Assert.Equal(Owing, (await Books(branch).GetAsync()).Tallies["county"].Outstanding);
    }

    [Fact]
    public async Task ALoanOfAnUnregisteredHouseholdIsRefusedAndTheRestOfTheBatchImported()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var registered = PartlyRepaidLoan(await branch.NewHouseholdAsync(), branch);
        var unregistered = PartlyRepaidLoan(TestKeys.NewRegistryNumber(), branch);

        var report = await Importer(branch).ImportAsync([registered, unregistered], Actor, "batch-1");

        var refusal = Assert.Single(report.Refused);
        Assert.Equal(1, report.Imported);
        Assert.Equal((unregistered.LoanId, "HOUSEHOLD_NOT_FOUND"), (refusal.LoanId, refusal.Reason));
        Assert.Equal(Owing, (await Books(branch).GetAsync()).Tallies["county"].Outstanding);
    }

    /// <summary>
    /// 30,000.00 lent about 200 days ago for two years, 10,000.00 of it repaid at the bank, interest
    /// paid through today: current, next due in a quarter at the latest.
    /// </summary>
    private ImportedLoan PartlyRepaidLoan(string household, LendingBranch branch) =>
        Loan(household, branch, Today.AddDays(-200), new LoanBalance(Owing, Money.Zero, Today, Today)) with { Amount = Lent, WithinBaseCap = Lent };

    private static ImportedLoan Loan(string household, LendingBranch branch, DateOnly disbursedOn, LoanBalance balance) =>
        new(
            $"IMP-{Guid.NewGuid():N}",
            household,
            branch.Village,
            LendingBranch.BankCode,
            balance.Principal,
            24,
            "购买母牛发展养殖",
            "畜牧业",
            Rate,
            RepaymentTerms.Default,
            disbursedOn,
            balance,
            balance.Principal,
            null);

    private ILoanBookImportGrain Importer(LendingBranch branch) => Grains.GetGrain<ILoanBookImportGrain>(branch.County.Value);

    private ICountyBooksGrain Books(LendingBranch branch) => Grains.GetGrain<ICountyBooksGrain>(branch.County.Value);
}
