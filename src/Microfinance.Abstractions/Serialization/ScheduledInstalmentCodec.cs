using Microfinance.Domain.Servicing;
using Orleans.Serialization.Serializers;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="ScheduledInstalment"/> without Orleans in the domain, in the form it was stored in before.</summary>
[RegisterSerializer, RegisterCopier]
public sealed class ScheduledInstalmentCodec(IValueSerializer<ScheduledInstalmentSurrogate> surrogates)
    : RecordFormCodec<ScheduledInstalment, ScheduledInstalmentSurrogate>(surrogates)
{
    protected override ScheduledInstalmentSurrogate ToSurrogate(ScheduledInstalment value) => new()
    {
        Number = value.Number,
        DueDate = value.DueDate,
        PeriodStart = value.PeriodStart,
        Principal = value.Principal,
        Interest = value.Interest,
    };

    protected override ScheduledInstalment FromSurrogate(in ScheduledInstalmentSurrogate surrogate) =>
        new(surrogate.Number, surrogate.DueDate, surrogate.PeriodStart, surrogate.Principal, surrogate.Interest);
}
