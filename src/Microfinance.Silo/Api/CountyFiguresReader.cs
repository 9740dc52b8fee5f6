using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Policies;
using Microfinance.Abstractions.Regions;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Reporting;
using Microfinance.Domain.Servicing;
using Microfinance.Silo.Api.Mapping;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api;

/// <summary>
/// Reads a county's lending figures (<see cref="CountyFigures"/>) from its grains: every registered
/// household of every village with the loans it applied for, every disbursed loan of the books
/// (a legal person's among them), and the books' balances by overdue bucket.
/// </summary>
public sealed class CountyFiguresReader(IGrainFactory grains)
{
    /// <summary>How many grains are asked at once: enough to overlap, few enough not to flood the silo.</summary>
    private const int AtOnce = 256;

    public async Task<Proto.CountyFigures> ReadAsync(AdminCode county, DateOnly from, DateOnly through)
    {
        var policy = (await grains.Get<ICountyPolicyGrain>(county.Value).GetLendingTermsAsync(through)).Policy;
        var books = grains.Get<ICountyBooksGrain>(county.Value);
        var snapshot = await books.GetAsync();
        var tallies = snapshot.Tallies;

        var households = new List<HouseholdFacts>();
        var loanIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in (await RegisteredHouseholdsAsync(county)).Chunk(AtOnce))
        {
            var read = await Task.WhenAll(chunk.Select(async registryNumber =>
            {
                var household = grains.Get<IHouseholdGrain>(registryNumber);
                return (Record: await household.GetAsync(), Listed: await household.ListLoansAsync());
            }));
            foreach (var (record, listed) in read)
            {
                households.Add(new HouseholdFacts(
                    record.RegistryNumber.Value, record.Village, policy.EligibleCategories.Contains(record.Profile.Category), record.Profile.StarRating));
                loanIds.UnionWith(listed.Select(loan => loan.LoanId));
            }
        }

        foreach (var bankCode in snapshot.BankCodes)
        {
            loanIds.UnionWith(await books.ListLoansAsync(bankCode, through.Year));
        }

        var loans = new List<LoanFacts>();
        foreach (var chunk in loanIds.Chunk(AtOnce))
        {
            var records = await Task.WhenAll(chunk.Select(loanId => grains.Get<ILoanGrain>(loanId).GetAsync()));
            loans.AddRange(records.Select(record => Facts(record, from, through)));
        }

        var figures = Domain.Reporting.CountyFigures.Compute(county, households, loans, from, through);
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

    private async Task<List<string>> RegisteredHouseholdsAsync(AdminCode county)
    {
        var households = new List<string>();
        foreach (var township in await QuotaUseReader.ListAllSubregionsAsync(grains.GetParentRegion(county)!))
        {
            foreach (var village in await QuotaUseReader.ListAllSubregionsAsync(grains.GetParentRegion(AdminCode.Parse(township))!))
            {
                households.AddRange(await KeyPages.ReadAllAsync(grains.Get<IVillageGrain>(village).ListHouseholdsAsync));
            }
        }

        return households;
    }

    /// <summary>A loan as the figures count it: a household's own, or a legal person's.</summary>
    private static LoanFacts Facts(LoanRecord loan, DateOnly from, DateOnly through)
    {
        var agreement = loan.Application.LegalPerson;
        var owed = loan is { Stage: LoanStage.Disbursed, Balance: { } balance } ? balance.Principal : Money.Zero;
        var inPeriod = loan is { Schedule: { } schedule, Balance: { } current }
            ? PeriodPrincipal.Of(schedule, current.Principal, from, through)
            : new PeriodPrincipal(Money.Zero, Money.Zero);
        return new LoanFacts(
            agreement is null ? loan.Application.Borrower : null,
            loan.Village ?? agreement!.Township,
            loan.Application.BankCode,
            loan.ApplicationDate,
            loan.History.Any(change => change.Stage == LoanStage.Approved),
            owed,
            inPeriod);
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
