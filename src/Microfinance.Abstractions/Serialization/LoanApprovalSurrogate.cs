using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Servicing;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire form of what a loan's approval fixed.</summary>
[GenerateSerializer, Alias("mf.LoanApproval.Surrogate")]
public struct LoanApprovalSurrogate
{
    [Id(0)]
    public CountyPolicy Policy;

    [Id(1)]
    public InterestRate Rate;

    [Id(2)]
    public RepaymentTerms Terms;

    [Id(3)]
    public Money FundBacked;

    [Id(4)]
    public Money WithinBaseCap;

    [Id(5)]
    public DateTimeOffset? ExpiresAt;

    [Id(6)]
    public DateOnly? ApprovedOn;

    [Id(7)]
    public DrivingAgreement? Charged;
}
