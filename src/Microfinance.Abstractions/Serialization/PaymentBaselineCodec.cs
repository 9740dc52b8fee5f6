using Microfinance.Domain.Servicing;
using Orleans.Serialization.Serializers;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="PaymentBaseline"/> without Orleans in the domain, in the form it was stored in before.</summary>
[RegisterSerializer, RegisterCopier]
public sealed class PaymentBaselineCodec(IValueSerializer<PaymentBaselineSurrogate> surrogates)
    : RecordFormCodec<PaymentBaseline, PaymentBaselineSurrogate>(surrogates)
{
    protected override PaymentBaselineSurrogate ToSurrogate(PaymentBaseline value) => new()
    {
        From = value.From,
        InterestSettledOn = value.InterestSettledOn,
        Principal = value.Principal,
        RepaymentsBefore = value.RepaymentsBefore,
    };

    protected override PaymentBaseline FromSurrogate(in PaymentBaselineSurrogate surrogate) =>
        new(surrogate.From, surrogate.InterestSettledOn, surrogate.Principal, surrogate.RepaymentsBefore);
}
