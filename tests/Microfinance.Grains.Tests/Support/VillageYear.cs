using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Policies;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Servicing;

namespace Microfinance.Grains.Tests.Support;

/// <summary>
/// A year of one village's loans at two banks (<see cref="VillageLoan"/>), run once for the tests
/// that check it: from 2026-03-16 through 2027-03-16 the borrowers act on each business day, then
/// the day is closed (日终). What the county showed after every close is kept, and so is each
/// month's subsidy statement of each bank, prepared once the month is over and approved by the county.
/// </summary>
public sealed class VillageYear : IAsyncLifetime
{
    public const string Rcc = LendingBranch.BankCode;
    public const string Psbc = "PSBC";

    private const string LoanOfficer = "信贷员";

    private readonly ClusterFixture _cluster = new();
    private readonly Dictionary<VillageLoan, ILoanGrain> _loans = [];
    private readonly Dictionary<DateOnly, ClosedDay> _days = [];
    private readonly Dictionary<(string Bank, DateOnly Month), SubsidyStatement> _statements = [];
    private LendingBranch? _branch;

    public static DateOnly FirstDay { get; } = new(2026, 3, 16);

    public static DateOnly LastDay { get; } = new(2027, 3, 16);

    /// <summary>
    /// The county's policy since 2021: 5321 priced at the LPR (the 1-year LPR is 3.00% since
    /// 2025-05-20), a top-up to 100,000 with neither subsidy nor risk cover, 70% of interest
    /// subsidised, and new lending stopping at a 10% NPL ratio.
    /// </summary>
    public static CountyPolicy Policy { get; } = CountyPolicy.Default5321(new DateOnly(2021, 1, 1)) with
    {
        Name = "5321 (LPR, top-up, 70%)",
        InterestSource = InterestSource.Lpr,
        TopUpCap = Money.FromYuan(100_000m),
        SubsidySharePercent = 70m,
        NplTolerancePercent = 10m,
    };

    public LendingBranch Branch => _branch ?? throw new InvalidOperationException("The year has not run.");

    /// <summary>What the county showed after closing each business day of the year.</summary>
    public IReadOnlyDictionary<DateOnly, ClosedDay> Days => _days;

    /// <summary>What the held-up loan's approval met on 2026-10-15, while lending was stopped.</summary>
    public Exception? ApprovalWhileStopped { get; private set; }

    /// <summary>A bank's approved statement for a month of the year.</summary>
    public SubsidyStatement Statement(string bank, int year, int month) => _statements[(bank, new DateOnly(year, month, 1))];

    public VillageLoan LoanWithId(string loanId) => _loans.Single(loan => loan.Value.GetPrimaryKeyString() == loanId).Key;

    public async Task InitializeAsync()
    {
        await _cluster.InitializeAsync();
        _branch = await LendingBranch.CreateAsync(_cluster.Client, Policy);
        await OpenSecondBankAsync();
        for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
        {
            await ActAsync(day);
            _cluster.MoveTo(day.AddDays(1));
            await CloseAsync(day);
            if (day.AddDays(1).Day == 1)
            {
                await SettleMonthAsync(new DateOnly(day.Year, day.Month, 1));
            }
        }
    }

    public Task DisposeAsync() => _cluster.DisposeAsync();

    /// <summary>What the borrowers and the banks do on <paramref name="day"/>, before it is closed.</summary>
    private async Task ActAsync(DateOnly day)
    {
        if (day == FirstDay)
        {
            await DisburseAsync(VillageLoan.OnSchedule, Rcc, 50_000m, InterestFrequency.Quarterly);
            await DisburseAsync(VillageLoan.Monthly, Rcc, 30_000m, InterestFrequency.Monthly);
            await DisburseAsync(VillageLoan.Instalments, Psbc, 40_000m, InterestFrequency.Quarterly, PrincipalRepayment.EqualInstalments);
            await DisburseAsync(VillageLoan.EarlyRepaid, Psbc, 20_000m, InterestFrequency.Quarterly);
            await DisburseAsync(VillageLoan.Cured, Rcc, 30_000m, InterestFrequency.Quarterly);
            await DisburseAsync(VillageLoan.Defaulter, Psbc, 50_000m, InterestFrequency.Quarterly);
            await DisburseAsync(VillageLoan.TopUp, Rcc, 80_000m, InterestFrequency.Quarterly);
        }
        else if (day == new DateOnly(2026, 7, 1))
        {
            await DisburseAsync(VillageLoan.MidYear, Psbc, 20_000m, InterestFrequency.Quarterly);
        }
        else if (day == new DateOnly(2026, 7, 25))
        {
            // Nothing paid since disbursement: 30,000 × 3% × 131 days (16 Mar – 24 Jul) / 360 = 327.50.
            await PayAsync(VillageLoan.Cured, day, Money.FromYuan(327.50m));
        }
        else if (day == new DateOnly(2026, 8, 10))
        {
            // Interest since 16 Jun: 20,000 × 3% × 55 days / 360 = 91.666… → 91.67, plus all the principal.
            await PayAsync(VillageLoan.EarlyRepaid, day, Money.FromYuan(20_091.67m));
        }
        else if (day == new DateOnly(2026, 9, 1))
        {
            _loans[VillageLoan.HeldUp] = await Branch.ReviewedLoanAsync(await Branch.NewHouseholdAsync(), Money.FromYuan(10_000m), termMonths: 12);
        }
        else if (day == new DateOnly(2026, 9, 16))
        {
            // Interest paid through 25 Jul: 30,000 × 3% × 53 days / 360 = 132.50.
            await PayAsync(VillageLoan.Cured, day, Money.FromYuan(132.50m));
        }
        else if (day == new DateOnly(2026, 10, 15))
        {
            ApprovalWhileStopped = await Record.ExceptionAsync(() => ApproveAsync(VillageLoan.HeldUp, InterestFrequency.Quarterly, "approve-while-stopped"));
        }
        else if (day == new DateOnly(2026, 11, 20))
        {
            // Nothing ever paid: 50,000 × 3% × 249 days (16 Mar – 19 Nov) / 360 = 1,037.50, plus all the principal.
            await PayAsync(VillageLoan.Defaulter, day, Money.FromYuan(51_037.50m));
        }
        else if (day == new DateOnly(2026, 11, 23))
        {
            await ApproveAsync(VillageLoan.HeldUp, InterestFrequency.Quarterly, "approve");
            await _loans[VillageLoan.HeldUp].RecordDisbursementAsync(day, LoanOfficer, "disburse");
        }

        await PayInstalmentsDueAsync(day);
    }

    /// <summary>The punctual borrowers pay what their schedule says on each due date; the cured one does from December.</summary>
    private async Task PayInstalmentsDueAsync(DateOnly day)
    {
        VillageLoan[] punctual =
        [
            VillageLoan.OnSchedule, VillageLoan.Monthly, VillageLoan.Instalments, VillageLoan.EarlyRepaid,
            VillageLoan.TopUp, VillageLoan.MidYear, VillageLoan.HeldUp,
        ];
        var payers = day >= new DateOnly(2026, 12, 16) ? [.. punctual, VillageLoan.Cured] : punctual;
        foreach (var name in payers.Where(_loans.ContainsKey))
        {
            var loan = await _loans[name].GetAsync();
            if (loan.Stage == LoanStage.Disbursed && loan.Schedule!.SingleOrDefault(i => i.DueDate == day) is { } due)
            {
                await PayAsync(name, day, due.Principal + due.Interest);
            }
        }
    }

    private async Task CloseAsync(DateOnly day)
    {
        var books = await _cluster.Client.GetGrain<ICountyBooksGrain>(Branch.County.Value).CloseThroughAsync(day);
        var terms = await _cluster.Client.GetGrain<ICountyPolicyGrain>(Branch.County.Value).GetLendingTermsAsync(day.AddDays(1));
        var loans = new Dictionary<VillageLoan, LoanRecord>();
        foreach (var (name, loan) in _loans)
        {
            loans[name] = await loan.GetAsync();
        }

        _days[day] = new ClosedDay(books, terms, loans);
    }

    private async Task SettleMonthAsync(DateOnly month)
    {
        foreach (var bank in new[] { Rcc, Psbc })
        {
            var statement = _cluster.Client.GetGrain<ISubsidyStatementGrain>($"{FundAccountId.For(Branch.County, bank)}:{month:yyyy-MM}");
            await statement.PrepareAsync(bank, $"prepare-{bank}-{month:yyyy-MM}");
            _statements[(bank, month)] = await statement.ApproveAsync("县财政局", $"approve-{bank}-{month:yyyy-MM}");
        }
    }

    private async Task OpenSecondBankAsync()
    {
        var fund = _cluster.Client.GetGrain<IFundAccountGrain>(FundAccountId.For(Branch.County, Psbc));
        await fund.OpenAsync(Branch.County, Psbc, "邮政储蓄银行", "县财政局", "open-psbc");
        await fund.RecordAsync(FundEntryKind.CountyDeposit, Money.FromYuan(5_000_000m), "县财政注资", "县财政局", "deposit-psbc");
    }

    /// <summary>A 12-month loan to a new household, approved at the reference rate and disbursed today.</summary>
    private async Task DisburseAsync(
        VillageLoan name, string bank, decimal yuan, InterestFrequency interest, PrincipalRepayment principal = PrincipalRepayment.AtMaturity)
    {
        var household = await Branch.NewHouseholdAsync();
        _loans[name] = await Branch.ReviewedLoanAsync(LendingBranch.Application(household, Money.FromYuan(yuan), termMonths: 12) with { BankCode = bank });
        await ApproveAsync(name, interest, "approve", principal);
        await _loans[name].RecordDisbursementAsync(_cluster.Today, LoanOfficer, "disburse");
    }

    // No contract rate: the reference rate, the 1-year LPR of 3.00% the figures are computed at.
    private Task<LoanRecord> ApproveAsync(
        VillageLoan name, InterestFrequency interest, string requestId, PrincipalRepayment principal = PrincipalRepayment.AtMaturity) =>
        _loans[name].ApproveAsync(null, LoanOfficer, requestId, new RepaymentTerms(interest, principal));

    private Task<LoanRecord> PayAsync(VillageLoan name, DateOnly day, Money amount) =>
        _loans[name].RecordRepaymentAsync(day, amount, LoanOfficer, $"repay-{day:yyyy-MM-dd}");
}
