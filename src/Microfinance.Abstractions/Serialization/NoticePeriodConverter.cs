using Microfinance.Domain.Compensation;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="NoticePeriod"/> without Orleans in the domain.</summary>
[RegisterConverter]
public sealed class NoticePeriodConverter : IConverter<NoticePeriod, NoticePeriodSurrogate>
{
    public NoticePeriod ConvertFromSurrogate(in NoticePeriodSurrogate surrogate) => new(surrogate.PostedOn, surrogate.Days);

    public NoticePeriodSurrogate ConvertToSurrogate(in NoticePeriod value) => new()
    {
        PostedOn = value.PostedOn,
        Days = value.Days,
    };
}
