using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="InterestRate"/> without Orleans in the domain.</summary>
[RegisterConverter]
public sealed class InterestRateConverter : IConverter<InterestRate, InterestRateSurrogate>
{
    public InterestRate ConvertFromSurrogate(in InterestRateSurrogate surrogate) => new(surrogate.BasisPoints);

    public InterestRateSurrogate ConvertToSurrogate(in InterestRate value) => new() { BasisPoints = value.BasisPoints };
}
