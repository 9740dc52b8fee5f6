using Microfinance.Domain.Loans;
using Orleans.Serialization.Serializers;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="Repayment"/> without Orleans in the domain, in the form it was stored in before.</summary>
[RegisterSerializer, RegisterCopier]
public sealed class RepaymentCodec(IValueSerializer<RepaymentSurrogate> surrogates)
    : RecordFormCodec<Repayment, RepaymentSurrogate>(surrogates)
{
    protected override RepaymentSurrogate ToSurrogate(Repayment value) => new()
    {
        Sequence = value.Sequence,
        PaidOn = value.PaidOn,
        Amount = value.Amount,
        InterestPaid = value.InterestPaid,
        PrincipalPaid = value.PrincipalPaid,
        FundBackedPrincipalPaid = value.FundBackedPrincipalPaid,
        Actor = value.Actor,
        RecordedAt = value.RecordedAt,
        RequestId = value.RequestId,
        InterestSettled = value.InterestSettled,
    };

    protected override Repayment FromSurrogate(in RepaymentSurrogate surrogate) =>
        new(surrogate.Sequence, surrogate.PaidOn, surrogate.Amount, surrogate.InterestPaid, surrogate.PrincipalPaid, surrogate.FundBackedPrincipalPaid, surrogate.Actor, surrogate.RecordedAt, surrogate.RequestId, surrogate.InterestSettled);
}
