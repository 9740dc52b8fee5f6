using Microfinance.Domain.Loans;
using Orleans.Serialization.Serializers;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="LoanRestructuring"/> without Orleans in the domain, in the form it was stored in before.</summary>
[RegisterSerializer, RegisterCopier]
public sealed class LoanRestructuringCodec(IValueSerializer<LoanRestructuringSurrogate> surrogates)
    : RecordFormCodec<LoanRestructuring, LoanRestructuringSurrogate>(surrogates)
{
    protected override LoanRestructuringSurrogate ToSurrogate(LoanRestructuring value) => new()
    {
        Sequence = value.Sequence,
        Kind = value.Kind,
        On = value.On,
        Months = value.Months,
        Rating = value.Rating,
        RateBefore = value.RateBefore,
        Rate = value.Rate,
        MaturityBefore = value.MaturityBefore,
        MaturityAfter = value.MaturityAfter,
        DeferralId = value.DeferralId,
        Actor = value.Actor,
        RecordedAt = value.RecordedAt,
        PrincipalOutstanding = value.PrincipalOutstanding,
        RepaymentsBefore = value.RepaymentsBefore,
    };

    protected override LoanRestructuring FromSurrogate(in LoanRestructuringSurrogate surrogate) =>
        new(surrogate.Sequence, surrogate.Kind, surrogate.On, surrogate.Months, surrogate.Rating, surrogate.RateBefore, surrogate.Rate, surrogate.MaturityBefore, surrogate.MaturityAfter, surrogate.DeferralId, surrogate.Actor, surrogate.RecordedAt, surrogate.PrincipalOutstanding, surrogate.RepaymentsBefore);
}
