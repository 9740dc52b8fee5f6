using System.Globalization;
using Grpc.Net.Client;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Microfinance.Silo.Security;

namespace Microfinance.Api.Tests.Access;

/// <summary>
/// A fresh lending county (province 45) for one row of the access matrix, and fresh entities in it
/// built by the province's administrator: a new household, loan or claim for every call, so that
/// each allowed call can succeed on its own. Days pass in the county alone, on the practice clock.
/// </summary>
public sealed class AccessWorld
{
    public const long QuotaFen = 10_000_000_000;
    private const long FundFen = 1_000_000_000;
    private const long LoanFen = 4_000_000;

    private readonly ClockedApiFixture _fixture;
    private int _serial;
    private int _daysAhead;

    private AccessWorld(ClockedApiFixture fixture, LendingSetup.LendingCounty county)
    {
        _fixture = fixture;
        County = county;
        Callers = MatrixCallers.For(fixture.Tokens, county.Village, Keys.NewCounty());
    }

    public LendingSetup.LendingCounty County { get; }

    public IReadOnlyList<MatrixCaller> Callers { get; }

    /// <summary>The province administrator's channel, which builds everything.</summary>
    public GrpcChannel Admin => _fixture.Channel;

    /// <summary>The county's business date: the host's, and the days this world moved it on.</summary>
    public DateOnly Today => _fixture.Today.AddDays(_daysAhead);

    public static async Task<AccessWorld> CreateAsync(ClockedApiFixture fixture) =>
        new(fixture, await LendingSetup.NewLendingCountyAsync(fixture.Channel, QuotaFen, FundFen));

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A number no earlier call of this world got: for fresh codes, dates and months.</summary>
    public int Next() => Interlocked.Increment(ref _serial);

    /// <summary>Moves the county's business date <paramref name="days"/> days on, as an operator of a practice environment does.</summary>
    public async Task MoveDaysAsync(int days)
    {
        await new ClockService.ClockServiceClient(_fixture.ChannelWith(_fixture.Tokens.Issue("practice-operator", Role.Operator, [])))
            .AdvancePracticeDateAsync(new AdvancePracticeDateRequest { RequestId = Keys.NewRequestId(), RegionCode = County.County, Days = days });
        _daysAhead += days;
    }

    public Task<string> HouseholdAsync() =>
        LendingSetup.RegisterHouseholdAsync(Admin, County.Village, HouseholdCategory.RegisteredPoor);

    public ApplyForLoanRequest Application(string household, string bankCode = LendingSetup.BankCode) => new()
    {
        RequestId = Keys.NewRequestId(),
        LoanId = $"LN-{Guid.NewGuid():N}",
        Application = new LoanApplication
        {
            RegistryNumber = household,
            BankCode = bankCode,
            AmountFen = LoanFen,
            TermMonths = 24,
            Purpose = "购买能繁母猪",
            Industry = "养殖业",
        },
    };

    /// <summary>A new loan reviewed by the parties before <paramref name="awaiting"/> (Bank: every review done).</summary>
    public async Task<string> LoanAwaitingAsync(LoanParty awaiting, string bankCode = LendingSetup.BankCode)
    {
        var loans = new LoanService.LoanServiceClient(Admin);
        var application = Application(await HouseholdAsync(), bankCode);
        await loans.ApplyForLoanAsync(application);
        foreach (var party in new[] { LoanParty.Village, LoanParty.Township, LoanParty.County }.TakeWhile(party => party != awaiting))
        {
            await loans.ReviewLoanAsync(new ReviewLoanRequest { RequestId = Keys.NewRequestId(), LoanId = application.LoanId, Party = party });
        }

        return application.LoanId;
    }

    public async Task<string> ApprovedLoanAsync(string bankCode = LendingSetup.BankCode)
    {
        var loanId = await LoanAwaitingAsync(LoanParty.Bank, bankCode);
        await new LoanService.LoanServiceClient(Admin).ApproveLoanAsync(new ApproveLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId });
        return loanId;
    }

    public async Task<string> DisbursedLoanAsync(int daysAgo) => (await DisbursedLoansAsync(1, daysAgo)).Single();

    /// <summary><paramref name="count"/> loans disbursed today, after which the county moves <paramref name="daysAgo"/> days on.</summary>
    public async Task<IReadOnlyList<string>> DisbursedLoansAsync(int count, int daysAgo, string bankCode = LendingSetup.BankCode)
    {
        var loanIds = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var loanId = await ApprovedLoanAsync(bankCode);
            await new LoanService.LoanServiceClient(Admin).RecordDisbursementAsync(new RecordDisbursementRequest
            {
                RequestId = Keys.NewRequestId(),
                LoanId = loanId,
                DisbursedDate = Iso(Today),
            });
            loanIds.Add(loanId);
        }

        if (daysAgo > 0)
        {
            await MoveDaysAsync(daysAgo);
        }

        return loanIds;
    }

    /// <summary>
    /// <paramref name="count"/> claims on loans unpaid for almost a year, brought to <paramref name="step"/>
    /// together, so the week of public notice passes once for all of them.
    /// </summary>
    public async Task<IReadOnlyList<string>> ClaimsAsync(int count, ClaimStep step)
    {
        var claims = new CompensationService.CompensationServiceClient(Admin);

        // Short of funds, the first claims paid empty the fund, and every claim after leaves a shortfall.
        var spare = step == ClaimStep.CompensatedWithShortfall ? count / 4 + 1 : 0;
        var bankCode = spare > 0 ? await ShortFundedBankAsync(count + spare) : LendingSetup.BankCode;
        var loanIds = await DisbursedLoansAsync(count + spare, daysAgo: 360, bankCode);
        foreach (var loanId in loanIds)
        {
            await claims.FileClaimAsync(await ClaimSetup.FilingAsync(Admin, loanId, Today));
            if (step >= ClaimStep.NoticePosted)
            {
                await claims.PostClaimNoticeAsync(new PostClaimNoticeRequest { RequestId = Keys.NewRequestId(), LoanId = loanId });
            }

            if (step == ClaimStep.ObjectionRaised)
            {
                await claims.RaiseClaimObjectionAsync(Objection(loanId));
            }

            if (step >= ClaimStep.NoticeOver)
            {
                await claims.SignOffClaimAsync(ClaimSetup.SignOff(loanId));
            }

        }

        if (step >= ClaimStep.NoticeOver)
        {
            await MoveDaysAsync(7);
        }

        foreach (var loanId in step >= ClaimStep.Verified ? loanIds : [])
        {
            await claims.VerifyClaimAsync(new VerifyClaimRequest { RequestId = Keys.NewRequestId(), LoanId = loanId, Note = "核实无误" });
            if (step >= ClaimStep.Compensated)
            {
                await claims.ApproveClaimAsync(ClaimApproval(loanId));
            }
        }

        return [.. loanIds.Skip(spare)];
    }

    /// <summary>
    /// A second bank in the county whose fund backs exactly <paramref name="loans"/> loans at the
    /// policy's 1:10: a 70% share of one loss is seven times what the fund holds for that loan, so
    /// a few payouts empty it and the county budget owes the rest of the others (第二十六条).
    /// </summary>
    private async Task<string> ShortFundedBankAsync(int loans)
    {
        const string bankCode = "PSBC";
        var funds = new FundService.FundServiceClient(Admin);
        await funds.OpenFundAccountAsync(new OpenFundAccountRequest
        {
            RequestId = Keys.NewRequestId(), CountyCode = County.County, BankCode = bankCode, BankName = "中国邮政储蓄银行测试县支行",
        });
        await funds.RecordFundEntryAsync(new RecordFundEntryRequest
        {
            RequestId = Keys.NewRequestId(), FundId = $"{County.County[..6]}-{bankCode}", Kind = FundEntryKind.CountyDeposit, AmountFen = loans * LoanFen / 10,
        });
        return bankCode;
    }

    public static RaiseClaimObjectionRequest Objection(string loanId) => new()
    {
        RequestId = Keys.NewRequestId(),
        LoanId = loanId,
        Objector = "村民王某",
        Content = "借款人之子在外务工，家庭仍有收入",
    };

    public static ApproveClaimRequest ClaimApproval(string loanId) => new()
    {
        RequestId = Keys.NewRequestId(),
        LoanId = loanId,
        ApprovalDocument = "县金融扶贫领导小组〔2026〕7号",
    };
}
