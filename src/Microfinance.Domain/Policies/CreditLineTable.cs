using System.Collections.Immutable;
using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Policies;

/// <summary>
/// A county's credit lines by star rating (评级授信): "县信用联社负责贫困户星级评定工作" (第十二条), and a
/// rating maps to a credit line, a county parameter. A household owes at most the line of the
/// highest row its rating reaches, a higher one in a credit village (信用村); rated below every row,
/// or not rated, it has no line and may not borrow. The household cap still applies on top.
/// </summary>
public sealed class CreditLineTable : IEquatable<CreditLineTable>
{
    private const int MaxStars = 5;

    private CreditLineTable(ImmutableArray<CreditLine> lines) => Lines = lines;

    /// <summary>The rows, fewest stars first.</summary>
    public ImmutableArray<CreditLine> Lines { get; }

    public static CreditLineTable Of(IEnumerable<CreditLine> lines) => new([.. lines.OrderBy(line => line.MinStars)]);

    /// <summary>The line of a household rated <paramref name="stars"/> (0 for unrated); zero when no row reaches it.</summary>
    public Money LineFor(int stars, bool inCreditVillage) =>
        Lines.LastOrDefault(line => line.MinStars <= stars) is { } row
            ? inCreditVillage ? row.CreditVillageLine : row.Line
            : Money.Zero;

    /// <summary>What is wrong with the table, each without naming it; empty when it can be put in force.</summary>
    public IReadOnlyList<string> Validate(Money maxLine)
    {
        var problems = new List<string>();
        if (Lines.Length == 0)
        {
            problems.Add("must have a row; leave them unset for no credit lines.");
        }

        foreach (var row in Lines)
        {
            if (row.MinStars is < 1 or > MaxStars)
            {
                problems.Add($"row of {row.MinStars} stars: stars must be between 1 and {MaxStars}.");
            }

            if (!row.Line.IsPositive || row.Line > maxLine || row.CreditVillageLine < row.Line || row.CreditVillageLine > maxLine)
            {
                problems.Add($"row of {row.MinStars} stars: the line must be more than 0, the credit village's no less, both at most {maxLine}.");
            }
        }

        if (Lines.Select(row => row.MinStars).Distinct().Count() != Lines.Length)
        {
            problems.Add("has two rows for the same stars.");
        }

        if (Lines.Zip(Lines.Skip(1)).Any(pair => pair.Second.Line < pair.First.Line || pair.Second.CreditVillageLine < pair.First.CreditVillageLine))
        {
            problems.Add("must not give more stars a lower line.");
        }

        return problems;
    }

    public bool Equals(CreditLineTable? other) => other is not null && Lines.SequenceEqual(other.Lines);

    public override bool Equals(object? obj) => Equals(obj as CreditLineTable);

    public override int GetHashCode() => Lines.Aggregate(Lines.Length, (hash, row) => HashCode.Combine(hash, row));
}
