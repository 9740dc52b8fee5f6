using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microfinance.Api.V1;
using Microfinance.Domain.Households;
using Microfinance.Domain.Regions;
using Microfinance.Silo.Audit;
using Microfinance.Silo.Api.Validation;
using static Microfinance.Silo.Security.Role;
using ProtoApplication = Microfinance.Api.V1.LoanApplication;

namespace Microfinance.Silo.Security;

/// <summary>
/// The one place that says who may call each RPC and on what: its roles, and how to find the
/// region and bank a request touches. A method missing here is refused to everyone; a test holds
/// every RPC of every service to having a rule.
/// </summary>
public static class RpcAccessTable
{
    /// <summary>Everyone who reads business data; bank officers see only their own bank's where a bank owns it.</summary>
    private static readonly Role[] Readers =
        [ProvinceAdministrator, CountyOfficer, TownshipOfficer, VillageOfficer, BankOfficer, Auditor];

    /// <summary>Readers of a bank's fund, claims and subsidy statements.</summary>
    private static readonly Role[] BankReaders = [ProvinceAdministrator, CountyOfficer, BankOfficer, Auditor];

    /// <summary>Readers of county-wide figures that span every bank.</summary>
    private static readonly Role[] CountyReaders = [ProvinceAdministrator, CountyOfficer, Auditor];

    private static readonly Role[] ProvinceOffice = [ProvinceAdministrator];
    private static readonly Role[] CountyOffice = [ProvinceAdministrator, CountyOfficer];
    private static readonly Role[] TownshipOffice = [ProvinceAdministrator, TownshipOfficer];
    private static readonly Role[] QuotaAllocators = [ProvinceAdministrator, CountyOfficer, TownshipOfficer];
    private static readonly Role[] LocalOffices = [ProvinceAdministrator, CountyOfficer, TownshipOfficer, VillageOfficer];
    private static readonly Role[] Lenders = [ProvinceAdministrator, BankOfficer];
    private static readonly Role[] Applicants = [.. LocalOffices, BankOfficer];

    private static readonly IReadOnlyList<AccessTarget> Nothing = [];

    /// <summary>The rules by full method name (<c>/microfinance.v1.LoanService/ApplyForLoan</c>).</summary>
    public static IReadOnlyDictionary<string, AccessRule> Rules { get; } = Build();

    private static Dictionary<string, AccessRule> Build()
    {
        var rules = new Dictionary<string, AccessRule>(StringComparer.Ordinal);

        void Change<T>(
            ServiceDescriptor service,
            string method,
            Role[] roles,
            Func<T, EntityScopes, ValueTask<IReadOnlyList<AccessTarget>>> targets,
            Func<T, AuditSubject>? subject,
            Func<T, Caller, string?>? actsAs = null) =>
            rules.Add(
                $"/{service.FullName}/{method}",
                new AccessRule(
                    roles.ToHashSet(),
                    Reach.Within,
                    (request, scopes) => targets((T)request, scopes),
                    actsAs is null ? null : (request, caller) => actsAs((T)request, caller),
                    subject is null ? null : request => subject((T)request)));

        void Read<T>(ServiceDescriptor service, string method, Role[] roles, Func<T, EntityScopes, ValueTask<IReadOnlyList<AccessTarget>>> targets, Reach reach = Reach.Within) =>
            rules.Add(
                $"/{service.FullName}/{method}",
                new AccessRule(roles.ToHashSet(), reach, (request, scopes) => targets((T)request, scopes)));

        var regions = RegionService.Descriptor;
        Change<CreateRegionRequest>(regions, "CreateRegion", CountyOffice, (r, _) => Region(r.Region?.Code), r => AuditSubject.Region(r.Region?.Code));
        Read<GetRegionRequest>(regions, "GetRegion", Readers, (r, _) => Region(r.Code), Reach.WithinOrAbove);
        Read<ListSubregionsRequest>(regions, "ListSubregions", Readers, (r, _) => Region(r.ParentCode), Reach.WithinOrAbove);
        Change<DesignateCreditRegionRequest>(regions, "DesignateCreditRegion", CountyOffice, (r, _) => Region(r.RegionCode), r => AuditSubject.Region(r.RegionCode));

        var households = HouseholdService.Descriptor;
        Change<RegisterHouseholdRequest>(households, "RegisterHousehold", LocalOffices, (r, _) => Region(r.Household?.VillageCode), r => AuditSubject.Household(r.Household?.RegistryNumber));
        // Each row's village is checked against the caller's area as the import reads it.
        Change<ImportHouseholdsRequest>(households, "ImportHouseholds", CountyOffice, (_, _) => ValueTask.FromResult(Nothing), subject: null);
        Change<UpdateHouseholdRequest>(households, "UpdateHousehold", LocalOffices, (r, s) => Household(r.Household?.RegistryNumber, s), r => AuditSubject.Household(r.Household?.RegistryNumber));
        Read<GetHouseholdRequest>(households, "GetHousehold", Readers, (r, s) => Household(r.RegistryNumber, s));
        Read<ListHouseholdsRequest>(households, "ListHouseholds", Readers, (r, _) => Region(r.VillageCode));

        var legalPersons = LegalPersonService.Descriptor;
        Change<RegisterLegalPersonRequest>(legalPersons, "RegisterLegalPerson", CountyOffice, (r, _) => Region(r.LegalPerson?.CountyCode), r => AuditSubject.LegalPerson(r.LegalPerson?.CreditCode));
        Read<GetLegalPersonRequest>(legalPersons, "GetLegalPerson", Readers, (r, s) => LegalPerson(r.CreditCode, s));

        var policies = PolicyService.Descriptor;
        Change<CreatePolicyVersionRequest>(policies, "CreatePolicyVersion", CountyOffice, (r, _) => Region(r.CountyCode), r => AuditSubject.Region(r.CountyCode));
        Change<SetLendingStopRequest>(policies, "SetLendingStop", CountyOffice, (r, _) => Region(r.CountyCode), r => AuditSubject.Region(r.CountyCode));
        Read<ListPolicyVersionsRequest>(policies, "ListPolicyVersions", Readers, (r, _) => Region(r.CountyCode), Reach.WithinOrAbove);
        Read<GetLendingTermsRequest>(policies, "GetLendingTerms", Readers, (r, _) => Region(r.CountyCode), Reach.WithinOrAbove);

        var quotas = QuotaService.Descriptor;
        Change<SetProvinceQuotaRequest>(quotas, "SetProvinceQuota", ProvinceOffice, (r, _) => Region(r.ProvinceCode), r => AuditSubject.Region(r.ProvinceCode));
        Change<AllocateQuotaRequest>(quotas, "AllocateQuota", QuotaAllocators, (r, _) => Region(r.ParentCode), r => AuditSubject.Region(r.ChildCode));
        Read<GetQuotaOverviewRequest>(quotas, "GetQuotaOverview", [.. LocalOffices, Auditor], (r, _) => Region(r.RegionCode));

        var funds = FundService.Descriptor;
        Change<OpenFundAccountRequest>(funds, "OpenFundAccount", CountyOffice, (r, _) => Region(r.CountyCode), r => AuditSubject.Fund(r.CountyCode, r.BankCode));
        Change<RecordFundEntryRequest>(funds, "RecordFundEntry", CountyOffice, (r, _) => Fund(r.FundId), r => AuditSubject.Fund(r.FundId));
        Read<GetFundPositionRequest>(funds, "GetFundPosition", BankReaders, (r, _) => Fund(r.FundId));
        Read<ListFundLedgerEntriesRequest>(funds, "ListFundLedgerEntries", BankReaders, (r, _) => Fund(r.FundId));

        var loans = LoanService.Descriptor;
        Change<ApplyForLoanRequest>(loans, "ApplyForLoan", Applicants, (r, s) => Application(r.Application, s), r => AuditSubject.Loan(r.LoanId));
        Change<ReviewLoanRequest>(loans, "ReviewLoan", LocalOffices, (r, s) => Loan(r.LoanId, s), r => AuditSubject.Loan(r.LoanId), (r, c) => Acting(c, r.Party));
        Change<ApproveLoanRequest>(loans, "ApproveLoan", Lenders, (r, s) => Loan(r.LoanId, s), r => AuditSubject.Loan(r.LoanId));
        Change<RejectLoanRequest>(loans, "RejectLoan", Applicants, (r, s) => Loan(r.LoanId, s), r => AuditSubject.Loan(r.LoanId), (r, c) => Acting(c, r.Party));
        Change<WithdrawLoanRequest>(loans, "WithdrawLoan", Applicants, (r, s) => Loan(r.LoanId, s), r => AuditSubject.Loan(r.LoanId));
        Change<RecordDisbursementRequest>(loans, "RecordDisbursement", Lenders, (r, s) => Loan(r.LoanId, s), r => AuditSubject.Loan(r.LoanId));
        // The stream's own rule only admits the caller; each decision in it is held to its unary RPC's rule.
        Change<StreamBankDecisionsRequest>(loans, "StreamBankDecisions", Lenders, (_, _) => ValueTask.FromResult(Nothing), subject: null);
        Change<RecordRepaymentRequest>(loans, "RecordRepayment", Lenders, (r, s) => Loan(r.LoanId, s), r => AuditSubject.Loan(r.LoanId));
        Change<ExtendLoanRequest>(loans, "ExtendLoan", Lenders, (r, s) => Loan(r.LoanId, s), r => AuditSubject.Loan(r.LoanId));
        Change<RenewLoanRequest>(loans, "RenewLoan", Lenders, (r, s) => Loan(r.LoanId, s), r => AuditSubject.Loan(r.LoanId));
        Read<GetLoanRequest>(loans, "GetLoan", Readers, (r, s) => Loan(r.LoanId, s));
        Read<ListHouseholdLoansRequest>(loans, "ListHouseholdLoans", Readers, (r, s) => Household(r.RegistryNumber, s));

        var servicing = ServicingService.Descriptor;
        Change<CloseBusinessDaysRequest>(servicing, "CloseBusinessDays", CountyOffice, (r, _) => Region(r.CountyCode), r => AuditSubject.Region(r.CountyCode));
        Change<DeclareDeferralRequest>(servicing, "DeclareDeferral", CountyOffice, (r, _) => Region(r.CountyCode), r => AuditSubject.Region(r.CountyCode));
        Read<GetCountyBooksRequest>(servicing, "GetCountyBooks", CountyReaders, (r, _) => Region(r.CountyCode));
        Read<ListDeferralsRequest>(servicing, "ListDeferrals", Readers, (r, _) => Region(r.CountyCode), Reach.WithinOrAbove);
        Read<GetMaturityWallRequest>(servicing, "GetMaturityWall", CountyReaders, (r, _) => Region(r.CountyCode));
        Read<GetCountyFiguresRequest>(servicing, "GetCountyFigures", CountyReaders, (r, _) => Region(r.CountyCode));

        var dashboards = DashboardService.Descriptor;
        Read<WatchCountyRequest>(dashboards, "WatchCounty", CountyReaders, (r, _) => Region(r.CountyCode));
        Read<WatchProvinceRequest>(dashboards, "WatchProvince", [ProvinceAdministrator, Auditor], (r, _) => Region(r.ProvinceCode));

        var subsidies = SubsidyService.Descriptor;
        Change<PrepareSubsidyStatementRequest>(subsidies, "PrepareSubsidyStatement", Lenders, (r, _) => Fund(r.FundId), r => AuditSubject.Fund(r.FundId));
        Change<ApproveSubsidyStatementRequest>(subsidies, "ApproveSubsidyStatement", CountyOffice, (r, _) => Fund(r.FundId), r => AuditSubject.Fund(r.FundId));
        Read<GetSubsidyStatementRequest>(subsidies, "GetSubsidyStatement", BankReaders, (r, _) => Fund(r.FundId));
        Read<GetQuarterlySubsidyReportRequest>(subsidies, "GetQuarterlySubsidyReport", BankReaders, (r, _) => Fund(r.FundId));

        var claims = CompensationService.Descriptor;
        Change<FileClaimRequest>(claims, "FileClaim", Lenders, (r, s) => ClaimFiling(r, s), r => AuditSubject.Loan(r.LoanId));
        Change<PostClaimNoticeRequest>(claims, "PostClaimNotice", LocalOffices, (r, s) => Loan(r.LoanId, s), r => AuditSubject.Loan(r.LoanId));
        Change<RaiseClaimObjectionRequest>(claims, "RaiseClaimObjection", LocalOffices, (r, s) => Loan(r.LoanId, s), r => AuditSubject.Loan(r.LoanId));
        Change<ResolveClaimObjectionRequest>(claims, "ResolveClaimObjection", CountyOffice, (r, s) => Loan(r.LoanId, s), r => AuditSubject.Loan(r.LoanId));
        Change<SignOffClaimRequest>(claims, "SignOffClaim", TownshipOffice, (r, s) => Loan(r.LoanId, s), r => AuditSubject.Loan(r.LoanId));
        Change<WithdrawClaimRequest>(claims, "WithdrawClaim", Lenders, (r, s) => Loan(r.LoanId, s), r => AuditSubject.Loan(r.LoanId));
        Change<VerifyClaimRequest>(claims, "VerifyClaim", CountyOffice, (r, s) => Loan(r.LoanId, s), r => AuditSubject.Loan(r.LoanId));
        Change<ApproveClaimRequest>(claims, "ApproveClaim", CountyOffice, (r, s) => Loan(r.LoanId, s), r => AuditSubject.Loan(r.LoanId));
        Change<SettleClaimShortfallRequest>(claims, "SettleClaimShortfall", CountyOffice, (r, s) => Loan(r.LoanId, s), r => AuditSubject.Loan(r.LoanId));
        Change<RecordClaimRecoveryRequest>(claims, "RecordClaimRecovery", Lenders, (r, s) => Loan(r.LoanId, s), r => AuditSubject.Loan(r.LoanId));
        Read<GetClaimRequest>(claims, "GetClaim", BankReaders, (r, s) => Loan(r.LoanId, s));
        Read<ListClaimsRequest>(claims, "ListClaims", CountyReaders, (r, _) => Region(r.CountyCode));
        Read<GetCompensationReportRequest>(claims, "GetCompensationReport", CountyReaders, (r, _) => Region(r.CountyCode));

        var audit = AuditService.Descriptor;
        Read<ListAuditRecordsRequest>(audit, "ListAuditRecords", [ProvinceAdministrator, Auditor], (r, _) => Region(r.RegionCode));

        // A business date is no one's business data: anyone signed in may read it. Only an operator
        // moves a practice date, for the whole environment, so no region bounds it.
        var clock = ClockService.Descriptor;
        Read<GetBusinessDateRequest>(clock, "GetBusinessDate", [.. Readers, Operator], (_, _) => ValueTask.FromResult(Nothing));
        Change<SetPracticeDateRequest>(clock, "SetPracticeDate", [Operator], (_, _) => ValueTask.FromResult(Nothing), r => AuditSubject.Region(r.RegionCode));
        Change<AdvancePracticeDateRequest>(clock, "AdvancePracticeDate", [Operator], (_, _) => ValueTask.FromResult(Nothing), r => AuditSubject.Region(r.RegionCode));

        return rules;
    }

    /// <summary>
    /// Why <paramref name="caller"/> may not act as <paramref name="party"/>, or null: each office
    /// speaks for itself, the province's administrator for any. An unspecified party is left to
    /// the RPC to refuse as an invalid argument.
    /// </summary>
    private static string? Acting(Caller caller, LoanParty party)
    {
        var own = caller.Role switch
        {
            VillageOfficer => LoanParty.Village,
            TownshipOfficer => LoanParty.Township,
            CountyOfficer => LoanParty.County,
            BankOfficer => LoanParty.Bank,
            _ => (LoanParty?)null,
        };
        return own is null || own == party || party == LoanParty.Unspecified
            ? null
            : $"a {RoleNames.Of(caller.Role)} acts as {ProtoName(own.Value)}, not {ProtoName(party)}";
    }

    private static string ProtoName(LoanParty party) => $"LOAN_PARTY_{party.ToString().ToUpperInvariant()}";

    private static ValueTask<IReadOnlyList<AccessTarget>> Region(string? code) =>
        ValueTask.FromResult(AdminCode.TryParse(code, out var region, out _) ? [new AccessTarget(region)] : Nothing);

    private static ValueTask<IReadOnlyList<AccessTarget>> Fund(string? fundId)
    {
        var check = new RequestValidator();
        var id = check.FundId("fund_id", fundId);
        return ValueTask.FromResult(check.IsValid ? [EntityScopes.OfFund(id)] : Nothing);
    }

    private static async ValueTask<IReadOnlyList<AccessTarget>> Loan(string? loanId, EntityScopes scopes)
    {
        var check = new RequestValidator();
        var id = check.LoanId("loan_id", loanId);
        return check.IsValid ? [await scopes.OfLoanAsync(id)] : Nothing;
    }

    private static async ValueTask<IReadOnlyList<AccessTarget>> Household(string? registryNumber, EntityScopes scopes) =>
        RegistryNumber.TryParse(registryNumber, out var number, out _) ? [await scopes.OfHouseholdAsync(number.Value)] : Nothing;

    private static async ValueTask<IReadOnlyList<AccessTarget>> LegalPerson(string? creditCode, EntityScopes scopes) =>
        Domain.Identity.UnifiedSocialCreditCode.TryParse(creditCode, out var code, out _)
            ? [await scopes.OfLegalPersonAsync(code.Value)]
            : Nothing;

    /// <summary>A new loan lies where its borrower does, with the bank asked to lend.</summary>
    private static async ValueTask<IReadOnlyList<AccessTarget>> Application(ProtoApplication? application, EntityScopes scopes)
    {
        if (application is null)
        {
            return Nothing;
        }

        var where = application.BorrowerCase == ProtoApplication.BorrowerOneofCase.LegalPerson
            ? await Region(application.LegalPerson.TownshipCode)
            : await Household(application.RegistryNumber, scopes);
        return [.. where.Select(target => target with { Bank = BankOrNull(application.BankCode) })];
    }

    /// <summary>A bank code as sent; an empty one is left to the RPC to refuse as an invalid argument.</summary>
    private static string? BankOrNull(string code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim();

    /// <summary>A claim lies where its loan does, and the bank filing it must be the loan's and the caller's.</summary>
    private static async ValueTask<IReadOnlyList<AccessTarget>> ClaimFiling(FileClaimRequest request, EntityScopes scopes)
    {
        var loan = await Loan(request.LoanId, scopes);
        return [.. loan, .. loan.Select(target => target with { Bank = BankOrNull(request.BankCode) })];
    }
}
