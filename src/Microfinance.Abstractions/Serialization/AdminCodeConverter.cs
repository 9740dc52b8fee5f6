using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages carry <see cref="AdminCode"/> without Orleans in the domain.</summary>
[RegisterConverter]
public sealed class AdminCodeConverter : IConverter<AdminCode, AdminCodeSurrogate>
{
    public AdminCode ConvertFromSurrogate(in AdminCodeSurrogate surrogate) => AdminCode.Parse(surrogate.Value);

    public AdminCodeSurrogate ConvertToSurrogate(in AdminCode value) => new() { Value = value.Value };
}
