using Microfinance.Abstractions.Dashboards;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Reporting;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>Maps the county and province dashboards to the proto contract.</summary>
public static class DashboardMapper
{
    public static Proto.CountyDashboard ToProto(CountyDashboard dashboard)
    {
        var proto = new Proto.CountyDashboard
        {
            ViewId = dashboard.ViewId.ToString(),
            Revision = dashboard.Revision,
            BooksRevision = dashboard.BooksRevision,
            CountyCode = dashboard.County.Value,
            Name = dashboard.Name,
            LastClosedDate = IsoDate.Format(dashboard.LastClosed),
            LendingStopped = dashboard.LendingStopped,
        };
        proto.Quotas.Add(dashboard.Quotas.Select(ToProto));
        proto.Funds.Add(dashboard.Funds.Select(FundMapper.ToProto));
        proto.Tallies.Add(dashboard.Tallies.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => ToProto(dashboard.County, entry.Key, entry.Value)));
        proto.Claims.Add(dashboard.Claims.Select(ToProto));
        proto.Season.Add(dashboard.Season.Select(ToProto));
        proto.Figures.Add(dashboard.Figures.Select(ToProto));
        return proto;
    }

    /// <summary>A delta of <paramref name="county"/>'s dashboard.</summary>
    public static Proto.CountyDashboardDelta ToProto(AdminCode county, CountyDashboardDelta delta)
    {
        var proto = new Proto.CountyDashboardDelta { Revision = delta.Revision, BooksRevision = delta.BooksRevision };
        switch (delta)
        {
            case QuotaUseDelta quotas:
                proto.QuotaUse = new Proto.QuotaUseChange { Regions = { quotas.Regions.Select(ToProto) } };
                break;
            case FundDelta fund:
                proto.Fund = FundMapper.ToProto(fund.Fund);
                break;
            case TallyDelta tally:
                proto.Tally = ToProto(county, tally.Key, tally.Figures);
                break;
            case ClaimDelta claim:
                proto.Claim = ToProto(claim.Claim);
                break;
            case LendingDayDelta day:
                proto.LendingDay = ToProto(day.Day);
                break;
            case LendingStopDelta stop:
                proto.LendingStop = new Proto.LendingStopChange { LendingStopped = stop.LendingStopped };
                break;
            case BusinessDayDelta closed:
                proto.BusinessDay = new Proto.BusinessDayChange { LastClosedDate = IsoDate.Format(closed.LastClosed) };
                break;
            case FiguresDelta figures:
                proto.Figures = new Proto.FiguresChange { Figures = { figures.Figures.Select(ToProto) } };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(delta), delta.GetType().Name, "Unknown dashboard delta.");
        }

        return proto;
    }

    public static Proto.ProvinceDashboard ToProto(ProvinceDashboard dashboard) => new()
    {
        ViewId = dashboard.ViewId.ToString(),
        Revision = dashboard.Revision,
        ProvinceCode = dashboard.Province.Value,
        Name = dashboard.Name,
        Counties = { dashboard.Counties.Select(ToProto) },
    };

    public static Proto.CountyStandingChange ToProto(CountyStandingDelta delta) =>
        new() { Revision = delta.Revision, Standing = ToProto(delta.Standing) };

    private static Proto.CountyStanding ToProto(CountyStanding standing) => new()
    {
        CountyCode = standing.County.Value,
        Name = standing.Name,
        QuotaAllocatedFen = standing.QuotaAllocated.Fen,
        DisbursedFen = standing.Disbursed.Fen,
        LoansDisbursed = standing.LoansDisbursed,
        ProgressBp = BasisPoints.Of(standing.Disbursed.Fen, standing.QuotaAllocated.Fen),
        OutstandingFen = standing.Outstanding.Fen,
        OverdueFen = standing.Overdue.Fen,
        NonPerformingFen = standing.NonPerforming.Fen,
        OverdueRatioBp = BasisPoints.Of(standing.Overdue.Fen, standing.Outstanding.Fen),
        NplRatioBp = BasisPoints.Of(standing.NonPerforming.Fen, standing.Outstanding.Fen),
        Banks = { standing.Banks.Select(ToProto) },
        RepaymentRateBp = standing.Figures?.RepaymentRateBp ?? 0,
        BorrowingRateBp = standing.Figures?.BorrowingRateBp ?? 0,
    };

    private static Proto.BankStanding ToProto(BankStanding bank) => new()
    {
        BankCode = bank.BankCode,
        BankName = bank.BankName,
        DisbursedFen = bank.Disbursed.Fen,
        LoansDisbursed = bank.LoansDisbursed,
        OutstandingFen = bank.Outstanding.Fen,
        OverdueFen = bank.Overdue.Fen,
        NonPerformingFen = bank.NonPerforming.Fen,
        OverdueRatioBp = BasisPoints.Of(bank.Overdue.Fen, bank.Outstanding.Fen),
        NplRatioBp = BasisPoints.Of(bank.NonPerforming.Fen, bank.Outstanding.Fen),
        RepaymentRateBp = bank.Figures?.RepaymentRateBp ?? 0,
        HouseholdsBorrowing = bank.Figures?.HouseholdsBorrowing ?? 0,
    };

    private static Proto.RegionQuotaUse ToProto(RegionQuotaUse quota) => new()
    {
        RegionCode = quota.Region.Value,
        Name = quota.Name,
        AllocatedFen = quota.Allocated.Fen,
        ReservedFen = quota.Reserved.Fen,
        UsedFen = quota.Used.Fen,
        UseBp = BasisPoints.Of(checked(quota.Reserved.Fen + quota.Used.Fen), quota.Allocated.Fen),
    };

    /// <summary>A tally of the county's books, named by its region's code or its bank's.</summary>
    private static Proto.ScopedTally ToProto(AdminCode county, string key, Tally tally)
    {
        var (scope, code) = key switch
        {
            CountyBooks.CountyKey => (Proto.TallyScope.County, county.Value),
            _ when key.StartsWith(CountyBooks.TownshipPrefix, StringComparison.Ordinal) => (Proto.TallyScope.Township, key[CountyBooks.TownshipPrefix.Length..]),
            _ when key.StartsWith(CountyBooks.VillagePrefix, StringComparison.Ordinal) => (Proto.TallyScope.Village, key[CountyBooks.VillagePrefix.Length..]),
            _ when key.StartsWith(CountyBooks.BankPrefix, StringComparison.Ordinal) => (Proto.TallyScope.Bank, key[CountyBooks.BankPrefix.Length..]),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown tally key."),
        };
        return new Proto.ScopedTally { Scope = scope, Tally = ServicingMapper.ToProto(code, tally) };
    }

    private static Proto.ScopeFigures ToProto(ScopeFigures figures) => new()
    {
        Scope = ProtoEnums.ToProto(figures.Kind),
        ScopeCode = figures.Code,
        RepaymentRateBp = figures.RepaymentRateBp,
        ApprovalRateBp = figures.ApprovalRateBp,
        BorrowingRateBp = figures.BorrowingRateBp,
        HouseholdsBorrowing = figures.HouseholdsBorrowing,
        EligibleHouseholds = figures.EligibleHouseholds,
    };

    private static Proto.DashboardClaim ToProto(ClaimInProgress claim) => new()
    {
        LoanId = claim.LoanId,
        BankCode = claim.BankCode,
        Status = ProtoEnums.ToProto(claim.Status),
        LossFen = claim.Loss.Fen,
        PaidFromFundFen = claim.PaidFromFund.Fen,
        OwedByCountyBudgetFen = claim.OwedByCountyBudget.Fen,
    };

    private static Proto.LendingDay ToProto(LendingDay day) => new()
    {
        Date = IsoDate.Format(day.Day),
        Loans = day.Loans,
        DisbursedFen = day.Disbursed.Fen,
    };
}
