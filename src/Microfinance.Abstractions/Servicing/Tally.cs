using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Abstractions.Servicing;

/// <summary>Loans and their outstanding principal, by overdue bucket, for one village, township, bank or the county.</summary>
[GenerateSerializer, Alias("mf.Tally")]
public sealed class Tally
{
    [Id(0)]
    public Dictionary<OverdueBucket, int> Loans { get; set; } = [];

    [Id(1)]
    public Dictionary<OverdueBucket, Money> Principal { get; set; } = [];

    /// <summary>The part of the outstanding principal the risk-compensation funds back.</summary>
    [Id(2)]
    public Money FundBacked { get; set; }

    public Money Outstanding => new(Principal.Values.Sum(m => m.Fen));

    public Money Overdue => new(Principal.Where(p => p.Key != OverdueBucket.Current).Sum(p => p.Value.Fen));

    /// <summary>Non-performing: over 90 days past due (次级及以下).</summary>
    public Money NonPerforming => Principal.GetValueOrDefault(OverdueBucket.Over90);

    /// <summary>Overdue principal as a percentage of outstanding principal (逾期率); 0 with nothing outstanding.</summary>
    public decimal OverdueRatioPercent => Ratio(Overdue);

    /// <summary>Non-performing principal as a percentage of outstanding principal (不良率).</summary>
    public decimal NplRatioPercent => Ratio(NonPerforming);

    /// <summary>
    /// Whether the non-performing ratio is at or above <paramref name="tolerancePercent"/>, compared
    /// exactly rather than on the rounded <see cref="NplRatioPercent"/> (9.99995% is below 10%).
    /// </summary>
    public bool NplRatioReaches(decimal tolerancePercent) =>
        Outstanding.IsPositive && NonPerforming.Fen * 100m >= tolerancePercent * Outstanding.Fen;

    public Tally Copy() => new() { Loans = new(Loans), Principal = new(Principal), FundBacked = FundBacked };

    public void Add(TallyContribution contribution, int sign)
    {
        Loans[contribution.Bucket] = Loans.GetValueOrDefault(contribution.Bucket) + sign;
        Principal[contribution.Bucket] = Principal.GetValueOrDefault(contribution.Bucket) + new Money(sign * contribution.Principal.Fen);
        FundBacked = sign > 0 ? FundBacked + contribution.FundBacked : FundBacked - contribution.FundBacked;
    }

    /// <summary>Adds (<paramref name="sign"/> +1) or takes away (-1) another tally's figures, bucket by bucket.</summary>
    public void Add(Tally other, int sign)
    {
        foreach (var (bucket, loans) in other.Loans)
        {
            Loans[bucket] = Loans.GetValueOrDefault(bucket) + sign * loans;
        }

        foreach (var (bucket, principal) in other.Principal)
        {
            var current = Principal.GetValueOrDefault(bucket);
            Principal[bucket] = sign > 0 ? current + principal : current - principal;
        }

        FundBacked = sign > 0 ? FundBacked + other.FundBacked : FundBacked - other.FundBacked;
    }

    private decimal Ratio(Money part) =>
        Outstanding.Fen == 0 ? 0m : Math.Round(part.Fen * 100m / Outstanding.Fen, 4, MidpointRounding.AwayFromZero);
}
