using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Compensation;

/// <summary>Shares of an amount in proportion to parts of a whole, in exact integer arithmetic.</summary>
internal static class ProRata
{
    /// <summary>
    /// <paramref name="amount"/> × <paramref name="part"/> / <paramref name="whole"/>, rounded down
    /// to the fen. Computed on 128-bit integers: a decimal ratio such as 1/3 would round and could
    /// fall a fen short of an exact share.
    /// </summary>
    public static Money Share(Money amount, Money part, Money whole)
    {
        if (amount.IsNegative || part.IsNegative || part > whole || !whole.IsPositive)
        {
            throw new ArgumentOutOfRangeException(
                nameof(part), $"A share needs 0 ≤ amount, 0 ≤ part ≤ whole and whole > 0, not {amount}, {part}, {whole}.");
        }

        return new Money((long)((Int128)amount.Fen * part.Fen / whole.Fen));
    }
}
