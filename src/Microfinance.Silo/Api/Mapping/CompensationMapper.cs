using Google.Protobuf.WellKnownTypes;
using Microfinance.Abstractions.Compensation;
using Microfinance.Domain.Compensation;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>Maps compensation claims, the county's list of them and its report to the proto contract.</summary>
public static class CompensationMapper
{
    private const decimal BasisPointsPerPercent = 100m;

    public static Proto.Claim ToProto(CompensationClaim claim)
    {
        var proto = new Proto.Claim
        {
            LoanId = claim.LoanId,
            CountyCode = claim.County.Value,
            BankCode = claim.BankCode,
            Borrower = claim.Borrower,
            Status = ProtoEnums.ToProto(claim.Status),
            Cause = ProtoEnums.ToProto(claim.Filing.Cause),
            CauseDescription = claim.Filing.CauseDescription,
            CreditInsurance = claim.Filing.Insurance is { } insurance ? ToProto(insurance) : null,
            FiledDate = IsoDate.Format(claim.FiledOn),
            OldestUnpaidDueDate = IsoDate.Format(claim.OldestUnpaidDueDate),
            DaysPastDueAtFiling = claim.DaysPastDueAtFiling,
            ClaimedLoss = ToProto(claim.Loss),
            Notice = claim.Notice is { } notice ? ToProto(notice, claim) : null,
            RejectionReason = claim.RejectionReason ?? "",
            ApprovalDocument = claim.ApprovalDocument ?? "",
            ApprovedLoss = claim.ApprovedLoss is { } approved ? ToProto(approved) : null,
            Shares = claim.Shares is { } shares ? ToProto(shares) : null,
            PaidFromFundFen = claim.PaidFromFund.Fen,
            OwedByCountyBudgetFen = claim.OwedByCountyBudget.Fen,
            CompensatedDate = IsoDate.Format(claim.CompensatedOn),
            RecoveredFen = claim.Recovered.Fen,
            RecoveredShares = ToProto(claim.RecoveredShares),
            SignedOffByTownship = claim.SignedOffByTownship,
            SettledByCountyBudgetFen = claim.SettledByCountyBudget.Fen,
        };
        proto.DunningActions.Add(claim.Filing.Dunning.OrderBy(action => action.On).Select(ToProto));
        proto.Objections.Add(claim.Objections.Select(ToProto));
        proto.Findings.Add(claim.Findings.Select(ProtoEnums.ToProto));
        proto.Recoveries.Add(claim.Recoveries.Select(ToProto));
        proto.History.Add(claim.History.Select(ToProto));
        return proto;
    }

    public static Proto.ClaimSummary ToProto(ClaimSummary summary) => new()
    {
        LoanId = summary.LoanId,
        BankCode = summary.BankCode,
        Borrower = summary.Borrower,
        Status = ProtoEnums.ToProto(summary.Status),
        FiledDate = IsoDate.Format(summary.FiledOn),
        ClaimedLossFen = summary.ClaimedLoss.Fen,
        Shares = summary.Shares is { } shares ? ToProto(shares) : null,
        PaidFromFundFen = summary.PaidFromFund.Fen,
        OwedByCountyBudgetFen = summary.OwedByCountyBudget.Fen,
        RecoveredFen = summary.Recovered.Fen,
        RejectionReason = summary.RejectionReason ?? "",
    };

    public static Proto.CompensationReport ToProto(CompensationReport report)
    {
        var proto = new Proto.CompensationReport
        {
            CountyCode = report.County.Value,
            ApprovedShares = ToProto(report.Approved),
            PaidFromFundFen = report.PaidFromFund.Fen,
            OwedByCountyBudgetFen = report.OwedByCountyBudget.Fen,
            RecoveredFen = report.Recovered.Fen,
            RecoveredShares = ToProto(report.RecoveredShares),
            SettledByCountyBudgetFen = report.SettledByCountyBudget.Fen,
        };
        proto.ByStatus.Add(report.ByStatus.Select(tally => new Proto.ClaimStatusTally
        {
            Status = ProtoEnums.ToProto(tally.Status),
            Claims = tally.Claims,
            ClaimedLossFen = tally.ClaimedLoss.Fen,
        }));
        return proto;
    }

    /// <summary>A cover ratio in basis points (8000) as the percentage the domain holds (80).</summary>
    public static decimal CoverPercent(int basisPoints) => basisPoints / BasisPointsPerPercent;

    private static Proto.ClaimLoss ToProto(ClaimLoss loss) => new()
    {
        PrincipalFen = loss.Principal.Fen,
        InterestFen = loss.Interest.Fen,
        TotalFen = loss.Total.Fen,
        CompensableFen = loss.Compensable.Fen,
    };

    private static Proto.RiskShares ToProto(RiskShares shares) => new()
    {
        FundFen = shares.Fund.Fen,
        BankFen = shares.Bank.Fen,
        InsurerFen = shares.Insurer.Fen,
    };

    private static Proto.CreditInsurance ToProto(CreditInsurance insurance) => new()
    {
        Insurer = insurance.Insurer,
        PolicyNumber = insurance.PolicyNumber,
        CoverRatioBp = (int)(insurance.CoverPercent * BasisPointsPerPercent),
    };

    private static Proto.DunningAction ToProto(DunningAction action) => new()
    {
        ActionDate = IsoDate.Format(action.On),
        Method = ProtoEnums.ToProto(action.Method),
        Note = action.Note,
    };

    private static Proto.ClaimNotice ToProto(NoticePeriod notice, CompensationClaim claim) => new()
    {
        BoardCode = claim.NoticeBoard.Value,
        PostedDate = IsoDate.Format(notice.PostedOn),
        LastDate = IsoDate.Format(notice.EndsOn.AddDays(-1)),
        Days = notice.Days,
    };

    private static Proto.ClaimObjection ToProto(ClaimObjection objection) => new()
    {
        Number = objection.Number,
        Objector = objection.Objector,
        Content = objection.Content,
        RaisedDate = IsoDate.Format(objection.RaisedOn),
        Status = ProtoEnums.ToProto(objection.Status),
        Resolution = objection.Resolution ?? "",
        ResolvedBy = objection.ResolvedBy ?? "",
        ResolveTime = objection.ResolvedAt is { } resolvedAt ? Timestamp.FromDateTimeOffset(resolvedAt) : null,
    };

    private static Proto.ClaimRecovery ToProto(ClaimRecovery recovery) => new()
    {
        Sequence = recovery.Sequence,
        RecoveredDate = IsoDate.Format(recovery.RecoveredOn),
        AmountFen = recovery.Amount.Fen,
        Shares = ToProto(recovery.Shares),
        Note = recovery.Note,
        Actor = recovery.Actor,
        CreateTime = Timestamp.FromDateTimeOffset(recovery.RecordedAt),
        ThroughLitigation = recovery.ThroughLitigation,
    };

    private static Proto.ClaimEvent ToProto(ClaimEvent happened) => new()
    {
        Action = ProtoEnums.ToProto(happened.Action),
        Actor = happened.Actor,
        EventTime = Timestamp.FromDateTimeOffset(happened.At),
        RequestId = happened.RequestId,
        Note = happened.Note,
    };
}
