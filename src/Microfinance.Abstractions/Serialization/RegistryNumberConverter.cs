using Microfinance.Domain.Households;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages carry <see cref="RegistryNumber"/> without Orleans in the domain.</summary>
[RegisterConverter]
public sealed class RegistryNumberConverter : IConverter<RegistryNumber, RegistryNumberSurrogate>
{
    public RegistryNumber ConvertFromSurrogate(in RegistryNumberSurrogate surrogate) =>
        string.IsNullOrEmpty(surrogate.Value) ? default : RegistryNumber.Parse(surrogate.Value);

    public RegistryNumberSurrogate ConvertToSurrogate(in RegistryNumber value) => new() { Value = value.Value };
}
