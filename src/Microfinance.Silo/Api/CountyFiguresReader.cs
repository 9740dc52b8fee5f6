using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Reporting;
using Microfinance.Domain.Servicing;
using Microfinance.Grains.Reporting;
using Microfinance.Silo.Api.Mapping;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api;

/// <summary>
/// A county's lending figures (<see cref="Domain.Reporting.CountyFigures"/>) from the facts its grains
/// hold (<see cref="CountyFactsReader"/>), with the books' balances by overdue bucket.
/// </summary>
public sealed class CountyFiguresReader(IGrainFactory grains)
{
    public async Task<Proto.CountyFigures> ReadAsync(AdminCode county, DateOnly from, DateOnly through)
    {
        var facts = await new CountyFactsReader(grains).ReadAsync(county, from, through);
        var figures = facts.Figures(county, from, through);
        var tallies = facts.Books.Tallies;
        var proto = new Proto.CountyFigures
        {
            CountyCode = county.Value,
            FromDate = IsoDate.Format(from),
            ThroughDate = IsoDate.Format(through),
            County = ToProto(FigureScope.Of(county), figures.GetValueOrDefault(FigureScope.Of(county)), tallies),
        };
        proto.Townships.Add(Of(FigureScopeKind.Township, figures, tallies));
        proto.Villages.Add(Of(FigureScopeKind.Village, figures, tallies));
        proto.Banks.Add(Of(FigureScopeKind.Bank, figures, tallies));
        return proto;
    }

    private static IEnumerable<Proto.LendingFigures> Of(
        FigureScopeKind kind, IReadOnlyDictionary<FigureScope, LendingFigures> figures, IReadOnlyDictionary<string, Tally> tallies) =>
        figures.Where(entry => entry.Key.Kind == kind)
            .OrderBy(entry => entry.Key.Code, StringComparer.Ordinal)
            .Select(entry => ToProto(entry.Key, entry.Value, tallies));

    private static Proto.LendingFigures ToProto(FigureScope scope, LendingFigures? figures, IReadOnlyDictionary<string, Tally> tallies)
    {
        figures ??= new LendingFigures(Money.Zero, Money.Zero, 0, 0, 0, 0, RatingDistribution.None);
        var tally = tallies.GetValueOrDefault(TallyKey(scope)) ?? new Tally();
        return new Proto.LendingFigures
        {
            ScopeCode = scope.Code,
            PrincipalDueFen = figures.PrincipalDue.Fen,
            PrincipalRepaidFen = figures.PrincipalRepaid.Fen,
            RepaymentRateBp = figures.RepaymentRateBp,
            HouseholdsApplying = figures.HouseholdsApplying,
            HouseholdsGranted = figures.HouseholdsGranted,
            ApprovalRateBp = figures.ApprovalRateBp,
            HouseholdsBorrowing = figures.HouseholdsBorrowing,
            EligibleHouseholds = figures.EligibleHouseholds,
            BorrowingRateBp = figures.BorrowingRateBp,
            BalanceFen = tally.Outstanding.Fen,
            NormalFen = tally.Principal.GetValueOrDefault(OverdueBucket.Current).Fen,
            OverdueFen = (tally.Overdue - tally.NonPerforming).Fen,
            NonPerformingFen = tally.NonPerforming.Fen,
            Ratings = figures.Ratings.Households > 0 ? ToProto(figures.Ratings) : null,
        };
    }

    private static Proto.RatingDistribution ToProto(RatingDistribution ratings) => new()
    {
        HouseholdsByStars = { ratings.ByStars },
        FiveStarBp = ratings.FiveStarBp,
        ThreeStarOrBetterBp = ratings.ThreeStarOrBetterBp,
        MeetsTargets = ratings.MeetsTargets,
    };

    /// <summary>The key of the scope's tally in the county's books.</summary>
    private static string TallyKey(FigureScope scope) => scope.Kind switch
    {
        FigureScopeKind.County => CountyBooks.CountyKey,
        FigureScopeKind.Township => CountyBooks.TownshipPrefix + scope.Code,
        FigureScopeKind.Village => CountyBooks.VillagePrefix + scope.Code,
        FigureScopeKind.Bank => CountyBooks.BankPrefix + scope.Code,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope.Kind, "Unknown figure scope."),
    };
}
