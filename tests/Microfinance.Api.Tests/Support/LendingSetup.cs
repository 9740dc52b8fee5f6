using System.Globalization;
using Grpc.Net.Client;
using Microfinance.Api.V1;
using Microfinance.Domain.Identity;
using Microfinance.Silo.Security;

namespace Microfinance.Api.Tests.Support;

/// <summary>
/// Builds, through the API, a fresh county ready to lend: its regions, the "5321" policy, quota
/// allocated down to its one village, and a fund account with a deposit.
/// </summary>
public static class LendingSetup
{
    public const string Province = "45";
    public const string BankCode = "RCC";
    /// <summary>The subject of the tests' token: the actor recorded on every change they make.</summary>
    public const string Actor = "api-tests";
    public const string PolicyEffectiveDate = "2020-01-01";

    private const string CreditCodeCharacters = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>A county ready to lend, with the codes of its one township and village.</summary>
    public sealed record LendingCounty(string County, string Township, string Village, string FundId);

    /// <summary>
    /// A disbursed loan in its own county, with the contract rate the bank's approval fixed, the day
    /// it was disbursed and the county's business date now.
    /// </summary>
    public sealed record DisbursedLoan(LendingCounty County, string LoanId, int ContractRateBp, DateOnly DisbursedOn, DateOnly Today);

    /// <summary>The host's business date: the calendar date in China Standard Time (UTC+8).</summary>
    public static DateOnly BusinessToday() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>A fresh county with regions registered and the "5321" policy in force since 2020.</summary>
    public static async Task<LendingCounty> NewCountyWithPolicyAsync(GrpcChannel channel)
    {
        var (county, village) = await RegionSetup.NewVillageAsync(new RegionService.RegionServiceClient(channel));
        await new PolicyService.PolicyServiceClient(channel).CreatePolicyVersionAsync(new CreatePolicyVersionRequest
        {
            RequestId = Keys.NewRequestId(),
            CountyCode = county,
            Policy = new CountyPolicy { EffectiveDate = PolicyEffectiveDate },
        });
        return new LendingCounty(county, village[..9] + "000", village, $"{county[..6]}-{BankCode}");
    }

    /// <summary>
    /// A fresh county that can lend: <paramref name="quotaFen"/> of quota passed down to its village
    /// and a fund account at <see cref="BankCode"/> holding <paramref name="fundFen"/>.
    /// </summary>
    public static async Task<LendingCounty> NewLendingCountyAsync(GrpcChannel channel, long quotaFen, long fundFen)
    {
        var county = await NewCountyWithPolicyAsync(channel);
        var quotas = new QuotaService.QuotaServiceClient(channel);
        await RaiseProvinceQuotaAsync(quotas, quotaFen);
        await AllocateAsync(quotas, Province, county.County, quotaFen);
        await AllocateAsync(quotas, county.County, county.Township, quotaFen);
        await AllocateAsync(quotas, county.Township, county.Village, quotaFen);

        var funds = new FundService.FundServiceClient(channel);
        await OpenFundAsync(funds, county.County);
        await funds.RecordFundEntryAsync(new RecordFundEntryRequest
        {
            RequestId = Keys.NewRequestId(),
            FundId = county.FundId,
            Kind = FundEntryKind.CountyDeposit,
            AmountFen = fundFen,
        });
        return county;
    }

    /// <summary>
    /// A loan of <paramref name="amountFen"/> over 24 months to a registered-poor household of a
    /// fresh lending county, walked through every review, approved at the policy's reference rate
    /// and disbursed on the county's business date; the repayment terms are the bank's usual ones
    /// unless given. The county's date then moves <paramref name="daysOutstanding"/> days on, on the
    /// practice clock: the loan has been out that long, and no other county's date moves.
    /// </summary>
    public static async Task<DisbursedLoan> NewDisbursedLoanAsync(
        ApiFixture fixture,
        long amountFen,
        long quotaFen,
        long fundFen,
        int daysOutstanding = 0,
        InterestFrequency interestFrequency = InterestFrequency.Unspecified,
        PrincipalRepayment principalRepayment = PrincipalRepayment.Unspecified)
    {
        var channel = fixture.Channel;
        var county = await NewLendingCountyAsync(channel, quotaFen, fundFen);
        var loanId = await NewCountyReviewedLoanAsync(channel, county.Village, amountFen);
        var loans = new LoanService.LoanServiceClient(channel);
        var approved = (await loans.ApproveLoanAsync(new ApproveLoanRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = loanId,
            InterestFrequency = interestFrequency,
            PrincipalRepayment = principalRepayment,
        })).Loan;
        var disbursedOn = (await new ClockService.ClockServiceClient(channel)
            .GetBusinessDateAsync(new GetBusinessDateRequest { RegionCode = county.County })).BusinessDate.Date;
        await loans.RecordDisbursementAsync(new RecordDisbursementRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = loanId,
            DisbursedDate = disbursedOn,
        });
        var disbursed = DateOnly.ParseExact(disbursedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (daysOutstanding > 0)
        {
            await new ClockService.ClockServiceClient(fixture.ChannelWith(fixture.Tokens.Issue("practice-operator", Role.Operator, [])))
                .AdvancePracticeDateAsync(new AdvancePracticeDateRequest
                {
                    RequestId = Keys.NewRequestId(), RegionCode = county.County, Days = daysOutstanding,
                });
        }

        return new DisbursedLoan(county, loanId, approved.ContractRateBp, disbursed, disbursed.AddDays(daysOutstanding));
    }

    /// <summary>
    /// A loan of <paramref name="amountFen"/> over 24 months to a new registered-poor household of
    /// <paramref name="village"/>, through the village, township and county reviews: the bank's decision
    /// is due. Returns the loan id.
    /// </summary>
    public static async Task<string> NewCountyReviewedLoanAsync(GrpcChannel channel, string village, long amountFen)
    {
        var household = await RegisterHouseholdAsync(channel, village, HouseholdCategory.RegisteredPoor);
        var loans = new LoanService.LoanServiceClient(channel);
        var loanId = $"LN-{Guid.NewGuid():N}";
        await loans.ApplyForLoanAsync(new ApplyForLoanRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = loanId,
            Application = new LoanApplication
            {
                RegistryNumber = household,
                BankCode = BankCode,
                AmountFen = amountFen,
                TermMonths = 24,
                Purpose = "购买能繁母猪",
                Industry = "养殖业",
            },
        });
        foreach (var party in new[] { LoanParty.Village, LoanParty.Township, LoanParty.County })
        {
            await loans.ReviewLoanAsync(new ReviewLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId, Party = party });
        }

        return loanId;
    }

    /// <summary>Opens the county's fund account at <see cref="BankCode"/>.</summary>
    public static async Task<FundPosition> OpenFundAsync(FundService.FundServiceClient funds, string county) =>
        (await funds.OpenFundAccountAsync(new OpenFundAccountRequest
        {
            RequestId = Keys.NewRequestId(),
            CountyCode = county,
            BankCode = BankCode,
            BankName = "测试县农村信用合作联社",
        })).FundPosition;

    /// <summary>
    /// Raises the shared test province's quota by <paramref name="amountFen"/>, so that a fresh
    /// county can be given that much whatever earlier tests allocated (API tests run one at a time).
    /// </summary>
    public static async Task RaiseProvinceQuotaAsync(QuotaService.QuotaServiceClient quotas, long amountFen)
    {
        var province = (await quotas.GetQuotaOverviewAsync(new GetQuotaOverviewRequest { RegionCode = Province })).Position;
        await quotas.SetProvinceQuotaAsync(new SetProvinceQuotaRequest
        {
            RequestId = Keys.NewRequestId(),
            ProvinceCode = Province,
            AmountFen = province.AllocatedFen + amountFen,
        });
    }

    public static async Task<QuotaPosition> AllocateAsync(
        QuotaService.QuotaServiceClient quotas, string parent, string child, long amountFen) =>
        (await quotas.AllocateQuotaAsync(new AllocateQuotaRequest
        {
            RequestId = Keys.NewRequestId(),
            ParentCode = parent,
            ChildCode = child,
            AmountFen = amountFen,
        })).Position;

    /// <summary>Registers a household in <paramref name="village"/> whose head is 40 years old, and returns its registry number.</summary>
    public static async Task<string> RegisterHouseholdAsync(GrpcChannel channel, string village, HouseholdCategory category)
    {
        var registration = HouseholdRegistration(village, category);
        await new HouseholdService.HouseholdServiceClient(channel).RegisterHouseholdAsync(registration);
        return registration.Household.RegistryNumber;
    }

    /// <summary>A request to register a new household in <paramref name="village"/> whose head is 40 years old.</summary>
    public static RegisterHouseholdRequest HouseholdRegistration(string village, HouseholdCategory category) => new()
    {
        RequestId = Keys.NewRequestId(),
        Household = new Household
        {
            RegistryNumber = Keys.NewRegistryNumber(),
            VillageCode = village,
            Head = new Person { Name = "韦志强", ResidentId = Keys.NewResidentId(BusinessToday().AddYears(-40)) },
            Category = category,
            LaborCapacity = LaborCapacity.Ordinary,
            StarRating = 4,
        },
    };

    /// <summary>Registers a cooperative in <paramref name="county"/> and returns its credit code.</summary>
    public static async Task<string> RegisterCooperativeAsync(GrpcChannel channel, string county)
    {
        var registration = CooperativeRegistration(county);
        await new LegalPersonService.LegalPersonServiceClient(channel).RegisterLegalPersonAsync(registration);
        return registration.LegalPerson.CreditCode;
    }

    /// <summary>A request to register a new cooperative in <paramref name="county"/>.</summary>
    public static RegisterLegalPersonRequest CooperativeRegistration(string county) => new()
    {
        RequestId = Keys.NewRequestId(),
        LegalPerson = new LegalPerson
        {
            CreditCode = NewCreditCode(county),
            Name = "测试县绿源种植专业合作社",
            Kind = LegalPersonKind.Cooperative,
            CountyCode = county,
            RepresentativeName = "何正平",
        },
    };

    /// <summary>A valid unified social credit code (GB 32100) of a cooperative in <paramref name="county"/>.</summary>
    private static string NewCreditCode(string county)
    {
        var serial = string.Concat(Enumerable.Range(0, 7).Select(_ => CreditCodeCharacters[Random.Shared.Next(CreditCodeCharacters.Length)]));
        return UnifiedSocialCreditCode.Compose($"93{county[..6]}MA{serial}").Value;
    }
}
