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

    public ApplyForLoanRequest Application(string household) => new()
    {
        RequestId = Keys.NewRequestId(),
        LoanId = $"LN-{Guid.NewGuid():N}",
        Application = new LoanApplication
        {
            RegistryNumber = household,
            BankCode = LendingSetup.BankCode,
            AmountFen = LoanFen,
            TermMonths = 24,
            Purpose = "购买能繁母猪",
            Industry = "养殖业",
        },
    };

    /// <summary>A new loan reviewed by the parties before <paramref name="awaiting"/> (Bank: every review done).</summary>
    public async Task<string> LoanAwaitingAsync(LoanParty awaiting)
    {
        var loans = new LoanService.LoanServiceClient(Admin);
        var application = Application(await HouseholdAsync());
        await loans.ApplyForLoanAsync(application);
        foreach (var party in new[] { LoanParty.Village, LoanParty.Township, LoanParty.County }.TakeWhile(party => party != awaiting))
        {
            await loans.ReviewLoanAsync(new ReviewLoanRequest { RequestId = Keys.NewRequestId(), LoanId = application.LoanId, Party = party });
        }

        return application.LoanId;
    }

    public async Task<string> ApprovedLoanAsync()
    {
        var loanId = await LoanAwaitingAsync(LoanParty.Bank);
        await new LoanService.LoanServiceClient(Admin).ApproveLoanAsync(new ApproveLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId });
        return loanId;
    }

    public async Task<string> DisbursedLoanAsync(int daysAgo) => (await DisbursedLoansAsync(1, daysAgo)).Single();

    /// <summary><paramref name="count"/> loans disbursed today, after which the county moves <paramref name="daysAgo"/> days on.</summary>
    public async Task<IReadOnlyList<string>> DisbursedLoansAsync(int count, int daysAgo)
    {
        var loanIds = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var loanId = await ApprovedLoanAsync();
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
        var loanIds = await DisbursedLoansAsync(count, daysAgo: 360);
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

        }

        if (step >= ClaimStep.NoticeOver)
        {
            await MoveDaysAsync(7);
        }

        foreach (var loanId in step >= ClaimStep.Verified ? loanIds : [])
        {
            await claims.VerifyClaimAsync(new VerifyClaimRequest { RequestId = Keys.NewRequestId(), LoanId = loanId, Note = "核实无误" });
            if (step == ClaimStep.Compensated)
            {
                await claims.ApproveClaimAsync(ClaimApproval(loanId));
            }
        }

        return loanIds;
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
