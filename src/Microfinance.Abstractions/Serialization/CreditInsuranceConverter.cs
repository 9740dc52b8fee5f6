using Microfinance.Domain.Compensation;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="CreditInsurance"/> without Orleans in the domain.</summary>
[RegisterConverter]
public sealed class CreditInsuranceConverter : IConverter<CreditInsurance, CreditInsuranceSurrogate>
{
    public CreditInsurance ConvertFromSurrogate(in CreditInsuranceSurrogate surrogate) =>
        new(surrogate.Insurer ?? "", surrogate.PolicyNumber ?? "", surrogate.CoverPercent);

    public CreditInsuranceSurrogate ConvertToSurrogate(in CreditInsurance value) => new()
    {
        Insurer = value.Insurer,
        PolicyNumber = value.PolicyNumber,
        CoverPercent = value.CoverPercent,
    };
}
