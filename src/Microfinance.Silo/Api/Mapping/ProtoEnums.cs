using Microfinance.Abstractions.Compensation;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Domain.Households;
using Microfinance.Domain.LegalPersons;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Reporting;
using Microfinance.Domain.Servicing;
using Proto = Microfinance.Api.V1;

#pragma warning disable CS8524

namespace Microfinance.Silo.Api.Mapping;

/// <summary>
/// Maps enums between the proto contract and the domain; unspecified or unknown proto values map to
/// null. A domain value maps to its proto value with no fallback: a value added to the domain and
/// not here fails the build (CS8509), rather than reaching a client as UNSPECIFIED.
/// </summary>
/// <remarks>
/// CS8524 (an unnamed value) is off in this file: domain values are the enums' named ones; a
/// number cast into one from outside would be a bug that ought to fail loudly.
/// </remarks>
public static class ProtoEnums
{
    /// <summary>What a dashboard's figures cover, named as its tallies' scopes are.</summary>
    public static Proto.TallyScope ToProto(FigureScopeKind kind) => kind switch
    {
        FigureScopeKind.County => Proto.TallyScope.County,
        FigureScopeKind.Township => Proto.TallyScope.Township,
        FigureScopeKind.Village => Proto.TallyScope.Village,
        FigureScopeKind.Bank => Proto.TallyScope.Bank,
    };

    public static Proto.RegionLevel ToProto(AdminLevel level) => level switch
    {
        AdminLevel.Province => Proto.RegionLevel.Province,
        AdminLevel.County => Proto.RegionLevel.County,
        AdminLevel.Township => Proto.RegionLevel.Township,
        AdminLevel.Village => Proto.RegionLevel.Village,
    };

    public static HouseholdCategory? ToDomain(Proto.HouseholdCategory category) => category switch
    {
        Proto.HouseholdCategory.RegisteredPoor => HouseholdCategory.RegisteredPoor,
        Proto.HouseholdCategory.EscapedPoverty => HouseholdCategory.EscapedPoverty,
        Proto.HouseholdCategory.Monitored => HouseholdCategory.Monitored,
        Proto.HouseholdCategory.FiveGuarantee => HouseholdCategory.FiveGuarantee,
        _ => null,
    };

    public static Proto.HouseholdCategory ToProto(HouseholdCategory category) => category switch
    {
        HouseholdCategory.RegisteredPoor => Proto.HouseholdCategory.RegisteredPoor,
        HouseholdCategory.EscapedPoverty => Proto.HouseholdCategory.EscapedPoverty,
        HouseholdCategory.Monitored => Proto.HouseholdCategory.Monitored,
        HouseholdCategory.FiveGuarantee => Proto.HouseholdCategory.FiveGuarantee,
    };

    public static LaborCapacity? ToDomain(Proto.LaborCapacity capacity) => capacity switch
    {
        Proto.LaborCapacity.Skilled => LaborCapacity.Skilled,
        Proto.LaborCapacity.Ordinary => LaborCapacity.Ordinary,
        Proto.LaborCapacity.Weak => LaborCapacity.Weak,
        Proto.LaborCapacity.None => LaborCapacity.None,
        _ => null,
    };

    public static Proto.LaborCapacity ToProto(LaborCapacity capacity) => capacity switch
    {
        LaborCapacity.Skilled => Proto.LaborCapacity.Skilled,
        LaborCapacity.Ordinary => Proto.LaborCapacity.Ordinary,
        LaborCapacity.Weak => Proto.LaborCapacity.Weak,
        LaborCapacity.None => Proto.LaborCapacity.None,
    };

    public static Relationship? ToDomain(Proto.Relationship relationship) => relationship switch
    {
        Proto.Relationship.Spouse => Relationship.Spouse,
        Proto.Relationship.Child => Relationship.Child,
        Proto.Relationship.Parent => Relationship.Parent,
        Proto.Relationship.Grandchild => Relationship.Grandchild,
        Proto.Relationship.Other => Relationship.Other,
        _ => null,
    };

    public static Proto.Relationship ToProto(Relationship relationship) => relationship switch
    {
        Relationship.Spouse => Proto.Relationship.Spouse,
        Relationship.Child => Proto.Relationship.Child,
        Relationship.Parent => Proto.Relationship.Parent,
        Relationship.Grandchild => Proto.Relationship.Grandchild,
        Relationship.Other => Proto.Relationship.Other,
    };

    public static LegalPersonKind? ToDomain(Proto.LegalPersonKind kind) => kind switch
    {
        Proto.LegalPersonKind.Cooperative => LegalPersonKind.Cooperative,
        Proto.LegalPersonKind.FamilyFarm => LegalPersonKind.FamilyFarm,
        Proto.LegalPersonKind.LargeHousehold => LegalPersonKind.LargeHousehold,
        Proto.LegalPersonKind.LeadingEnterprise => LegalPersonKind.LeadingEnterprise,
        _ => null,
    };

    public static Proto.LegalPersonKind ToProto(LegalPersonKind kind) => kind switch
    {
        LegalPersonKind.Cooperative => Proto.LegalPersonKind.Cooperative,
        LegalPersonKind.FamilyFarm => Proto.LegalPersonKind.FamilyFarm,
        LegalPersonKind.LargeHousehold => Proto.LegalPersonKind.LargeHousehold,
        LegalPersonKind.LeadingEnterprise => Proto.LegalPersonKind.LeadingEnterprise,
    };

    public static InterestSource? ToDomain(Proto.InterestSource source) => source switch
    {
        Proto.InterestSource.Benchmark => InterestSource.Benchmark,
        Proto.InterestSource.Lpr => InterestSource.Lpr,
        _ => null,
    };

    public static Proto.InterestSource ToProto(InterestSource source) => source switch
    {
        InterestSource.Benchmark => Proto.InterestSource.Benchmark,
        InterestSource.Lpr => Proto.InterestSource.Lpr,
    };

    public static FundEntryKind? ToDomain(Proto.FundEntryKind kind) => kind switch
    {
        Proto.FundEntryKind.ProvincialDeposit => FundEntryKind.ProvincialDeposit,
        Proto.FundEntryKind.CountyDeposit => FundEntryKind.CountyDeposit,
        Proto.FundEntryKind.InterestCredit => FundEntryKind.InterestCredit,
        Proto.FundEntryKind.CompensationPayout => FundEntryKind.CompensationPayout,
        Proto.FundEntryKind.Recovery => FundEntryKind.Recovery,
        _ => null,
    };

    public static Proto.FundEntryKind ToProto(FundEntryKind kind) => kind switch
    {
        FundEntryKind.ProvincialDeposit => Proto.FundEntryKind.ProvincialDeposit,
        FundEntryKind.CountyDeposit => Proto.FundEntryKind.CountyDeposit,
        FundEntryKind.InterestCredit => Proto.FundEntryKind.InterestCredit,
        FundEntryKind.CompensationPayout => Proto.FundEntryKind.CompensationPayout,
        FundEntryKind.Recovery => Proto.FundEntryKind.Recovery,
    };

    public static LossCause? ToDomain(Proto.LossCause cause) => cause switch
    {
        Proto.LossCause.BorrowerDeath => LossCause.BorrowerDeath,
        Proto.LossCause.LossOfWorkingAbility => LossCause.LossOfWorkingAbility,
        Proto.LossCause.NaturalDisaster => LossCause.NaturalDisaster,
        Proto.LossCause.Other => LossCause.Other,
        _ => null,
    };

    public static Proto.LossCause ToProto(LossCause cause) => cause switch
    {
        LossCause.BorrowerDeath => Proto.LossCause.BorrowerDeath,
        LossCause.LossOfWorkingAbility => Proto.LossCause.LossOfWorkingAbility,
        LossCause.NaturalDisaster => Proto.LossCause.NaturalDisaster,
        LossCause.Other => Proto.LossCause.Other,
    };

    public static DunningMethod? ToDomain(Proto.DunningMethod method) => method switch
    {
        Proto.DunningMethod.Phone => DunningMethod.Phone,
        Proto.DunningMethod.Visit => DunningMethod.Visit,
        Proto.DunningMethod.WrittenNotice => DunningMethod.WrittenNotice,
        Proto.DunningMethod.LegalAction => DunningMethod.LegalAction,
        _ => null,
    };

    public static Proto.DunningMethod ToProto(DunningMethod method) => method switch
    {
        DunningMethod.Phone => Proto.DunningMethod.Phone,
        DunningMethod.Visit => Proto.DunningMethod.Visit,
        DunningMethod.WrittenNotice => Proto.DunningMethod.WrittenNotice,
        DunningMethod.LegalAction => Proto.DunningMethod.LegalAction,
    };

    public static ClaimStatus? ToDomain(Proto.ClaimStatus status) => status switch
    {
        Proto.ClaimStatus.Filed => ClaimStatus.Filed,
        Proto.ClaimStatus.UnderNotice => ClaimStatus.UnderNotice,
        Proto.ClaimStatus.Verified => ClaimStatus.Verified,
        Proto.ClaimStatus.Approving => ClaimStatus.Approving,
        Proto.ClaimStatus.Compensated => ClaimStatus.Compensated,
        Proto.ClaimStatus.Rejected => ClaimStatus.Rejected,
        Proto.ClaimStatus.Withdrawn => ClaimStatus.Withdrawn,
        _ => null,
    };

    public static Proto.ClaimStatus ToProto(ClaimStatus status) => status switch
    {
        ClaimStatus.Filed => Proto.ClaimStatus.Filed,
        ClaimStatus.UnderNotice => Proto.ClaimStatus.UnderNotice,
        ClaimStatus.Verified => Proto.ClaimStatus.Verified,
        ClaimStatus.Approving => Proto.ClaimStatus.Approving,
        ClaimStatus.Compensated => Proto.ClaimStatus.Compensated,
        ClaimStatus.Rejected => Proto.ClaimStatus.Rejected,
        ClaimStatus.Withdrawn => Proto.ClaimStatus.Withdrawn,
    };

    public static ObjectionStatus? ToDomain(Proto.ObjectionStatus status) => status switch
    {
        Proto.ObjectionStatus.Open => ObjectionStatus.Open,
        Proto.ObjectionStatus.Dismissed => ObjectionStatus.Dismissed,
        Proto.ObjectionStatus.Upheld => ObjectionStatus.Upheld,
        _ => null,
    };

    public static Proto.ObjectionStatus ToProto(ObjectionStatus status) => status switch
    {
        ObjectionStatus.Open => Proto.ObjectionStatus.Open,
        ObjectionStatus.Dismissed => Proto.ObjectionStatus.Dismissed,
        ObjectionStatus.Upheld => Proto.ObjectionStatus.Upheld,
    };

    public static VerificationFinding? ToDomain(Proto.VerificationFinding finding) => finding switch
    {
        Proto.VerificationFinding.BankDidNotPursue => VerificationFinding.BankDidNotPursue,
        Proto.VerificationFinding.RiskEventNotReported => VerificationFinding.RiskEventNotReported,
        Proto.VerificationFinding.LentOutsideInstructions => VerificationFinding.LentOutsideInstructions,
        Proto.VerificationFinding.CauseNotCovered => VerificationFinding.CauseNotCovered,
        _ => null,
    };

    public static Proto.VerificationFinding ToProto(VerificationFinding finding) => finding switch
    {
        VerificationFinding.BankDidNotPursue => Proto.VerificationFinding.BankDidNotPursue,
        VerificationFinding.RiskEventNotReported => Proto.VerificationFinding.RiskEventNotReported,
        VerificationFinding.LentOutsideInstructions => Proto.VerificationFinding.LentOutsideInstructions,
        VerificationFinding.CauseNotCovered => Proto.VerificationFinding.CauseNotCovered,
    };

    public static Proto.ClaimAction ToProto(ClaimAction action) => action switch
    {
        ClaimAction.Filed => Proto.ClaimAction.Filed,
        ClaimAction.NoticePosted => Proto.ClaimAction.NoticePosted,
        ClaimAction.ObjectionRaised => Proto.ClaimAction.ObjectionRaised,
        ClaimAction.ObjectionDismissed => Proto.ClaimAction.ObjectionDismissed,
        ClaimAction.ObjectionUpheld => Proto.ClaimAction.ObjectionUpheld,
        ClaimAction.Verified => Proto.ClaimAction.Verified,
        ClaimAction.Rejected => Proto.ClaimAction.Rejected,
        ClaimAction.Approved => Proto.ClaimAction.Approved,
        ClaimAction.Compensated => Proto.ClaimAction.Compensated,
        ClaimAction.RecoveryRecorded => Proto.ClaimAction.RecoveryRecorded,
        ClaimAction.TownshipSignedOff => Proto.ClaimAction.TownshipSignedOff,
        ClaimAction.Withdrawn => Proto.ClaimAction.Withdrawn,
        ClaimAction.ShortfallSettled => Proto.ClaimAction.ShortfallSettled,
    };

    public static Proto.LoanStage ToProto(LoanStage stage) => stage switch
    {
        LoanStage.Applied => Proto.LoanStage.Applied,
        LoanStage.VillageReviewed => Proto.LoanStage.VillageReviewed,
        LoanStage.TownshipReviewed => Proto.LoanStage.TownshipReviewed,
        LoanStage.CountyReviewed => Proto.LoanStage.CountyReviewed,
        LoanStage.Approving => Proto.LoanStage.Approving,
        LoanStage.Approved => Proto.LoanStage.Approved,
        LoanStage.Disbursing => Proto.LoanStage.Disbursing,
        LoanStage.Disbursed => Proto.LoanStage.Disbursed,
        LoanStage.Rejected => Proto.LoanStage.Rejected,
        LoanStage.Withdrawn => Proto.LoanStage.Withdrawn,
        LoanStage.Expired => Proto.LoanStage.Expired,
        LoanStage.Closed => Proto.LoanStage.Closed,
        LoanStage.Compensated => Proto.LoanStage.Compensated,
    };

    public static LoanParty? ToDomain(Proto.LoanParty party) => party switch
    {
        Proto.LoanParty.Borrower => LoanParty.Borrower,
        Proto.LoanParty.Village => LoanParty.Village,
        Proto.LoanParty.Township => LoanParty.Township,
        Proto.LoanParty.County => LoanParty.County,
        Proto.LoanParty.Bank => LoanParty.Bank,
        _ => null,
    };

    public static Proto.LoanParty ToProto(LoanParty party) => party switch
    {
        LoanParty.Borrower => Proto.LoanParty.Borrower,
        LoanParty.Village => Proto.LoanParty.Village,
        LoanParty.Township => Proto.LoanParty.Township,
        LoanParty.County => Proto.LoanParty.County,
        LoanParty.Bank => Proto.LoanParty.Bank,
    };

    public static Proto.HouseholdLoanStatus ToProto(HouseholdLoanStatus status) => status switch
    {
        HouseholdLoanStatus.Applied => Proto.HouseholdLoanStatus.Applied,
        HouseholdLoanStatus.Reserved => Proto.HouseholdLoanStatus.Reserved,
        HouseholdLoanStatus.Disbursed => Proto.HouseholdLoanStatus.Disbursed,
        HouseholdLoanStatus.Released => Proto.HouseholdLoanStatus.Released,
    };

    public static Proto.OverdueBucket ToProto(OverdueBucket bucket) => bucket switch
    {
        OverdueBucket.Current => Proto.OverdueBucket.Current,
        OverdueBucket.Days1To30 => Proto.OverdueBucket.Days1To30,
        OverdueBucket.Days31To60 => Proto.OverdueBucket.Days31To60,
        OverdueBucket.Days61To90 => Proto.OverdueBucket.Days61To90,
        OverdueBucket.Over90 => Proto.OverdueBucket.Over90,
    };

    public static Proto.RestructuringKind ToProto(RestructuringKind kind) => kind switch
    {
        RestructuringKind.Extension => Proto.RestructuringKind.Extension,
        RestructuringKind.Renewal => Proto.RestructuringKind.Renewal,
        RestructuringKind.Deferral => Proto.RestructuringKind.Deferral,
    };

    public static Proto.SubsidyStatementStatus ToProto(SubsidyStatementStatus status) => status switch
    {
        SubsidyStatementStatus.None => Proto.SubsidyStatementStatus.None,
        SubsidyStatementStatus.Prepared => Proto.SubsidyStatementStatus.Prepared,
        SubsidyStatementStatus.Approved => Proto.SubsidyStatementStatus.Approved,
    };

    /// <summary>Unspecified means the usual quarterly interest; an unknown value maps to null.</summary>
    public static InterestFrequency? ToDomain(Proto.InterestFrequency frequency) => frequency switch
    {
        Proto.InterestFrequency.Unspecified or Proto.InterestFrequency.Quarterly => InterestFrequency.Quarterly,
        Proto.InterestFrequency.Monthly => InterestFrequency.Monthly,
        Proto.InterestFrequency.AtMaturity => InterestFrequency.AtMaturity,
        _ => null,
    };

    /// <summary>Unspecified means principal at maturity; an unknown value maps to null.</summary>
    public static PrincipalRepayment? ToDomain(Proto.PrincipalRepayment repayment) => repayment switch
    {
        Proto.PrincipalRepayment.Unspecified or Proto.PrincipalRepayment.AtMaturity => PrincipalRepayment.AtMaturity,
        Proto.PrincipalRepayment.EqualInstalments => PrincipalRepayment.EqualInstalments,
        _ => null,
    };
}
