using Microfinance.Domain.Compensation;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="DunningAction"/> without Orleans in the domain.</summary>
[RegisterConverter]
public sealed class DunningActionConverter : IConverter<DunningAction, DunningActionSurrogate>
{
    public DunningAction ConvertFromSurrogate(in DunningActionSurrogate surrogate) =>
        new(surrogate.On, surrogate.Method, surrogate.Note ?? "");

    public DunningActionSurrogate ConvertToSurrogate(in DunningAction value) => new()
    {
        On = value.On,
        Method = value.Method,
        Note = value.Note,
    };
}
