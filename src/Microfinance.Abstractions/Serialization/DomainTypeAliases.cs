using Microfinance.Domain.Compensation;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Servicing;
using Orleans.Serialization.Configuration;

[assembly: TypeManifestProvider(typeof(Microfinance.Abstractions.Serialization.DomainTypeAliases))]

namespace Microfinance.Abstractions.Serialization;

/// <summary>
/// The names under which domain records travel and are stored wherever a type name is written
/// (for example the elements of a loan's history, <c>IReadOnlyList&lt;mf.LoanEvent&gt;</c>; a claim keeps the alias of the record it was, mf.CompensationClaim). They
/// are the aliases these records carried while they were themselves [GenerateSerializer] messages,
/// so rows stored then read as the domain types, and rows stored now read the same way; records
/// that were never messages of their own (the loan aggregate and its parts) are named the same way.
/// </summary>
public sealed class DomainTypeAliases : TypeManifestProviderBase
{
    protected override void ConfigureInner(TypeManifestOptions options)
    {
        options.WellKnownTypeAliases["mf.LoanApplication"] = typeof(LoanApplication);
        options.WellKnownTypeAliases["mf.DrivingAgreement"] = typeof(DrivingAgreement);
        options.WellKnownTypeAliases["mf.LoanEvent"] = typeof(LoanEvent);
        options.WellKnownTypeAliases["mf.Repayment"] = typeof(Repayment);
        options.WellKnownTypeAliases["mf.LoanRestructuring"] = typeof(LoanRestructuring);
        options.WellKnownTypeAliases["mf.RepaymentTerms"] = typeof(RepaymentTerms);
        options.WellKnownTypeAliases["mf.Instalment"] = typeof(ScheduledInstalment);
        options.WellKnownTypeAliases["mf.PaymentBaseline"] = typeof(PaymentBaseline);
        options.WellKnownTypeAliases["mf.TallyContribution"] = typeof(TallyContribution);
        options.WellKnownTypeAliases["mf.CompensationClaim"] = typeof(CompensationClaim);
        options.WellKnownTypeAliases["mf.ClaimFiling"] = typeof(ClaimFiling);
        options.WellKnownTypeAliases["mf.ClaimObjection"] = typeof(ClaimObjection);
        options.WellKnownTypeAliases["mf.ClaimEvent"] = typeof(ClaimEvent);
        options.WellKnownTypeAliases["mf.ClaimRecovery"] = typeof(ClaimRecovery);
    }
}
