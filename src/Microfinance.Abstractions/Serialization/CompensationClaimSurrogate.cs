using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of a compensation claim: the fields and ids its record had when it was itself serialized as <c>mf.ClaimRecord</c>.</summary>
[GenerateSerializer, Alias("mf.ClaimRecord.Surrogate")]
public struct CompensationClaimSurrogate
{
    [Id(0)]
    public string LoanId;

    [Id(1)]
    public AdminCode County;

    [Id(2)]
    public string Borrower;

    [Id(3)]
    public AdminCode NoticeBoard;

    [Id(4)]
    public ClaimStatus Status;

    [Id(5)]
    public ClaimFiling Filing;

    [Id(6)]
    public DateOnly FiledOn;

    [Id(7)]
    public DateOnly OldestUnpaidDueDate;

    [Id(8)]
    public CountyPolicy Policy;

    [Id(9)]
    public int RepaymentsAtFiling;

    [Id(10)]
    public ClaimLoss Loss;

    [Id(11)]
    public IReadOnlyList<ClaimEvent> History;

    [Id(12)]
    public NoticePeriod? Notice;

    [Id(13)]
    public IReadOnlyList<ClaimObjection> Objections;

    [Id(14)]
    public IReadOnlyList<VerificationFinding> Findings;

    [Id(15)]
    public string? RejectionReason;

    [Id(16)]
    public string? ApprovalDocument;

    [Id(17)]
    public ClaimLoss? ApprovedLoss;

    [Id(18)]
    public RiskShares? Shares;

    [Id(19)]
    public Money PaidFromFund;

    [Id(20)]
    public Money OwedByCountyBudget;

    [Id(21)]
    public DateOnly? CompensatedOn;

    [Id(22)]
    public IReadOnlyList<ClaimRecovery> Recoveries;
}
