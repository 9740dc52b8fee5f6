using Microfinance.Domain.Compensation;
using Orleans.Serialization.Serializers;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="CompensationClaim"/> without Orleans in the domain, in the form it was stored in before.</summary>
[RegisterSerializer, RegisterCopier]
public sealed class CompensationClaimCodec(IValueSerializer<CompensationClaimSurrogate> surrogates)
    : RecordFormCodec<CompensationClaim, CompensationClaimSurrogate>(surrogates)
{
    protected override CompensationClaimSurrogate ToSurrogate(CompensationClaim value) => new()
    {
        LoanId = value.LoanId,
        County = value.County,
        Borrower = value.Borrower,
        NoticeBoard = value.NoticeBoard,
        Status = value.Status,
        Filing = value.Filing,
        FiledOn = value.FiledOn,
        OldestUnpaidDueDate = value.OldestUnpaidDueDate,
        Policy = value.Policy,
        RepaymentsAtFiling = value.RepaymentsAtFiling,
        Loss = value.Loss,
        History = value.History,
        Notice = value.Notice,
        Objections = value.Objections,
        Findings = value.Findings,
        RejectionReason = value.RejectionReason,
        ApprovalDocument = value.ApprovalDocument,
        ApprovedLoss = value.ApprovedLoss,
        Shares = value.Shares,
        PaidFromFund = value.PaidFromFund,
        OwedByCountyBudget = value.OwedByCountyBudget,
        CompensatedOn = value.CompensatedOn,
        Recoveries = value.Recoveries,
    };

    protected override CompensationClaim FromSurrogate(in CompensationClaimSurrogate surrogate) =>
        new(
            surrogate.LoanId,
            surrogate.County,
            surrogate.Borrower,
            surrogate.NoticeBoard,
            surrogate.Status,
            surrogate.Filing,
            surrogate.FiledOn,
            surrogate.OldestUnpaidDueDate,
            surrogate.Policy,
            surrogate.RepaymentsAtFiling,
            surrogate.Loss,
            surrogate.History,
            surrogate.Notice,
            surrogate.Objections,
            surrogate.Findings,
            surrogate.RejectionReason,
            surrogate.ApprovalDocument,
            surrogate.ApprovedLoss,
            surrogate.Shares,
            surrogate.PaidFromFund,
            surrogate.OwedByCountyBudget,
            surrogate.CompensatedOn,
            surrogate.Recoveries);
}
