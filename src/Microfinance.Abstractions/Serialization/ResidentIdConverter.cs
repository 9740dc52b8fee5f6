using Microfinance.Domain.Identity;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages carry <see cref="ResidentId"/> without Orleans in the domain.</summary>
[RegisterConverter]
public sealed class ResidentIdConverter : IConverter<ResidentId, ResidentIdSurrogate>
{
    public ResidentId ConvertFromSurrogate(in ResidentIdSurrogate surrogate) =>
        string.IsNullOrEmpty(surrogate.Value) ? default : ResidentId.Parse(surrogate.Value);

    public ResidentIdSurrogate ConvertToSurrogate(in ResidentId value) => new() { Value = value.Value };
}
