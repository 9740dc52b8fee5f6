using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="Money"/> (fen) without Orleans in the domain.</summary>
[RegisterConverter]
public sealed class MoneyConverter : IConverter<Money, MoneySurrogate>
{
    public Money ConvertFromSurrogate(in MoneySurrogate surrogate) => new(surrogate.Fen);

    public MoneySurrogate ConvertToSurrogate(in Money value) => new() { Fen = value.Fen };
}
