using Microfinance.Domain.Loans;
using Orleans.Serialization.Serializers;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages carry <see cref="LoanApproval"/> without Orleans in the domain.</summary>
[RegisterSerializer, RegisterCopier]
public sealed class LoanApprovalCodec(IValueSerializer<LoanApprovalSurrogate> surrogates)
    : RecordFormCodec<LoanApproval, LoanApprovalSurrogate>(surrogates)
{
    protected override LoanApprovalSurrogate ToSurrogate(LoanApproval value) => new()
    {
        Policy = value.Policy,
        Rate = value.Rate,
        Terms = value.Terms,
        FundBacked = value.FundBacked,
        WithinBaseCap = value.WithinBaseCap,
        ExpiresAt = value.ExpiresAt,
        ApprovedOn = value.ApprovedOn,
        Charged = value.Charged,
    };

    protected override LoanApproval FromSurrogate(in LoanApprovalSurrogate surrogate) =>
        new(
            surrogate.Policy,
            surrogate.Rate,
            surrogate.Terms,
            surrogate.FundBacked,
            surrogate.WithinBaseCap,
            surrogate.ExpiresAt,
            surrogate.ApprovedOn,
            surrogate.Charged);
}
