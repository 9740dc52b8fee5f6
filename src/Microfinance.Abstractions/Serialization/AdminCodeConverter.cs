using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Serialization;

/// <summary>
/// Lets grain messages carry <see cref="AdminCode"/> without Orleans in the domain. The default
/// (unset) value travels as an empty string.
/// </summary>
[RegisterConverter]
public sealed class AdminCodeConverter : IConverter<AdminCode, AdminCodeSurrogate>
{
    public AdminCode ConvertFromSurrogate(in AdminCodeSurrogate surrogate) =>
        string.IsNullOrEmpty(surrogate.Value) ? default : AdminCode.Parse(surrogate.Value);

    public AdminCodeSurrogate ConvertToSurrogate(in AdminCode value) => new() { Value = value.Value };
}
