using Microfinance.Domain.Compensation;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="ClaimLoss"/> without Orleans in the domain.</summary>
[RegisterConverter]
public sealed class ClaimLossConverter : IConverter<ClaimLoss, ClaimLossSurrogate>
{
    public ClaimLoss ConvertFromSurrogate(in ClaimLossSurrogate surrogate) =>
        new(surrogate.Principal, surrogate.Interest, surrogate.FundBacked);

    public ClaimLossSurrogate ConvertToSurrogate(in ClaimLoss value) => new()
    {
        Principal = value.Principal,
        Interest = value.Interest,
        FundBacked = value.FundBacked,
    };
}
