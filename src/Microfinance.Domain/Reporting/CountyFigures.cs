using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;

namespace Microfinance.Domain.Reporting;

/// <summary>
/// Counts a county's <see cref="LendingFigures"/> for the county, each township, each village and
/// each bank. A household counts once per scope however many loans it has there; a legal person's
/// loan counts toward what falls due and is repaid, not toward households.
/// </summary>
public static class CountyFigures
{
    /// <param name="county">The county.</param>
    /// <param name="households">Its registered households.</param>
    /// <param name="loans">Its loans: every household's own loan, and every disbursed legal-person loan.</param>
    /// <param name="from">The period's first day: applications on or after it count.</param>
    /// <param name="through">The period's last day.</param>
    public static IReadOnlyDictionary<FigureScope, LendingFigures> Compute(
        AdminCode county, IEnumerable<HouseholdFacts> households, IEnumerable<LoanFacts> loans, DateOnly from, DateOnly through)
    {
        var tallies = new Dictionary<FigureScope, Counts>();
        Counts At(FigureScope scope) => tallies.TryGetValue(scope, out var counts) ? counts : tallies[scope] = new Counts();

        foreach (var household in households)
        {
            foreach (var scope in RegionsOf(county, household.Village))
            {
                At(scope).Registered(household);
            }
        }

        foreach (var loan in loans)
        {
            foreach (var scope in RegionsOf(county, loan.Unit).Append(FigureScope.Bank(loan.BankCode)))
            {
                At(scope).Lent(loan, from, through);
            }
        }

        return tallies.ToDictionary(entry => entry.Key, entry => entry.Value.Figures(entry.Key.Kind == FigureScopeKind.Bank));
    }

    /// <summary>The county, the township and (for a village) the village <paramref name="unit"/> counts in.</summary>
    private static IEnumerable<FigureScope> RegionsOf(AdminCode county, AdminCode unit)
    {
        yield return FigureScope.Of(county);
        yield return FigureScope.Of(unit.Township);
        if (unit.Level == AdminLevel.Village)
        {
            yield return FigureScope.Of(unit);
        }
    }

    /// <summary>One scope's counts as they are gathered.</summary>
    private sealed class Counts
    {
        private readonly HashSet<string> _applying = [];
        private readonly HashSet<string> _granted = [];
        private readonly HashSet<string> _borrowing = [];
        private Money _due;
        private Money _repaid;
        private int _eligible;
        private RatingDistribution _ratings = RatingDistribution.None;

        public void Registered(HouseholdFacts household)
        {
            if (household.Eligible)
            {
                _eligible++;
            }

            _ratings = _ratings.With(household.StarRating);
        }

        public void Lent(LoanFacts loan, DateOnly from, DateOnly through)
        {
            _due += loan.InPeriod.Due;
            _repaid += loan.InPeriod.Repaid;
            if (loan.Household is not { } household)
            {
                return;
            }

            if (loan.AppliedOn >= from && loan.AppliedOn <= through)
            {
                _applying.Add(household);
                if (loan.Granted)
                {
                    _granted.Add(household);
                }
            }

            if (loan.Outstanding.IsPositive)
            {
                _borrowing.Add(household);
            }
        }

        public LendingFigures Figures(bool bank) =>
            new(_due, _repaid, _applying.Count, _granted.Count, _borrowing.Count, bank ? 0 : _eligible, bank ? RatingDistribution.None : _ratings);
    }
}
