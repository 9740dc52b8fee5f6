using Microfinance.Domain.Compensation;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="RiskShares"/> without Orleans in the domain.</summary>
[RegisterConverter]
public sealed class RiskSharesConverter : IConverter<RiskShares, RiskSharesSurrogate>
{
    public RiskShares ConvertFromSurrogate(in RiskSharesSurrogate surrogate) =>
        new(surrogate.Fund, surrogate.Bank, surrogate.Insurer);

    public RiskSharesSurrogate ConvertToSurrogate(in RiskShares value) => new()
    {
        Fund = value.Fund,
        Bank = value.Bank,
        Insurer = value.Insurer,
    };
}
