using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Compensation;
using Microfinance.Abstractions.Dashboards;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Policies;
using Microfinance.Abstractions.Quotas;
using Microfinance.Abstractions.Regions;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microfinance.Grains.Reporting;

namespace Microfinance.Grains.Dashboards;

/// <summary>
/// Reads a county's dashboard from the grains that own its figures: the regions' quotas, the fund
/// accounts, the books' tallies, the claim register, this season's loans and the lending stop.
/// </summary>
public sealed class CountyDashboardSource(IGrainFactory grains, BusinessClock clock)
{
    /// <summary>How many grains are asked at once: enough to overlap, few enough not to flood the silo.</summary>
    private const int AtOnce = 128;

    /// <summary>The county's dashboard as its grains hold it now. <c>REGION_NOT_FOUND</c> for a county not registered.</summary>
    public async Task<CountyDashboardView> ReadAsync(AdminCode county)
    {
        var record = await grains.GetRegion(county).GetAsync();
        var today = clock.TodayIn(county);
        var view = new CountyDashboardView(county, record.Name, today.Year);
        var books = grains.Get<ICountyBooksGrain>(county.Value);
        var snapshot = await books.GetAsync();
        var regions = await ReadRegionsAsync(county);
        var bankCodes = (await grains.Get<ICountyFundsGrain>(county.Value).ListAsync()).Union(snapshot.BankCodes, StringComparer.Ordinal);
        var funds = await ReadFundsAsync(county, bankCodes);
        var claims = (await grains.Get<IClaimRegisterGrain>(county.Value).ListAsync()).Select(ClaimInProgress.Of);
        var season = await ReadSeasonAsync(await books.ListLoansDisbursedInAsync(today.Year));
        view.Load(regions, funds, snapshot, claims, season, await ReadLendingStopAsync(county), await ReadFiguresAsync(county));
        return view;
    }

    /// <summary>
    /// The county's figures over this year's season so far, for the county, its townships, villages
    /// and banks; none while no policy is in force, since the policy says which households may borrow.
    /// </summary>
    public async Task<IReadOnlyList<ScopeFigures>> ReadFiguresAsync(AdminCode county)
    {
        var today = clock.TodayIn(county);
        var seasonStart = new DateOnly(today.Year, 1, 1);
        try
        {
            var facts = await new CountyFactsReader(grains).ReadAsync(county, seasonStart, today);
            return [.. facts.Figures(county, seasonStart, today)
                .OrderBy(entry => entry.Key.Kind)
                .ThenBy(entry => entry.Key.Code, StringComparer.Ordinal)
                .Select(entry => ScopeFigures.Of(entry.Key, entry.Value))];
        }
        catch (RuleViolationException noPolicy) when (noPolicy.Reason == "NO_POLICY_IN_FORCE")
        {
            return [];
        }
    }

    /// <summary>Each region's quota with its name: the county's, its townships' and their villages'.</summary>
    public async Task<List<(string Name, QuotaPosition Quota)>> ReadRegionsAsync(AdminCode county)
    {
        var codes = new List<AdminCode> { county };
        foreach (var township in await KeyPages.ReadAllAsync(grains.Get<ICountyGrain>(county.Value).ListSubregionsAsync))
        {
            codes.Add(AdminCode.Parse(township));
            codes.AddRange((await KeyPages.ReadAllAsync(grains.Get<ITownshipGrain>(township).ListSubregionsAsync)).Select(AdminCode.Parse));
        }

        return await ReadQuotasAsync(codes);
    }

    /// <summary>The named regions' quotas with their names.</summary>
    public async Task<List<(string Name, QuotaPosition Quota)>> ReadQuotasAsync(IEnumerable<AdminCode> regions)
    {
        var read = new List<(string, QuotaPosition)>();
        foreach (var chunk in regions.Chunk(AtOnce))
        {
            read.AddRange(await Task.WhenAll(chunk.Select(async code =>
            {
                var region = grains.GetRegion(code);
                return ((await region.GetAsync()).Name, await region.GetQuotaAsync());
            })));
        }

        return read;
    }

    /// <summary>The open fund accounts of <paramref name="bankCodes"/>; a bank listed without one is left out.</summary>
    public async Task<List<FundPosition>> ReadFundsAsync(AdminCode county, IEnumerable<string> bankCodes)
    {
        var read = await Task.WhenAll(bankCodes.Select(async bankCode =>
        {
            try
            {
                return await grains.Get<IFundAccountGrain>(FundAccountId.For(county, bankCode)).GetPositionAsync();
            }
            catch (NotFoundException)
            {
                return null;
            }
        }));
        return [.. read.OfType<FundPosition>()];
    }

    /// <summary>The claims on the named loans as they stand.</summary>
    public async Task<ClaimInProgress[]> ReadClaimsAsync(IEnumerable<string> loanIds) =>
        await Task.WhenAll(loanIds.Select(async loanId =>
            ClaimInProgress.Of(ClaimSummary.Of(await grains.Get<ICompensationClaimGrain>(loanId).GetAsync()))));

    /// <summary>Whether new approvals in the county are stopped; a county without a policy in force lends nothing anyway, and shows no stop.</summary>
    public async Task<bool> ReadLendingStopAsync(AdminCode county)
    {
        try
        {
            return (await grains.Get<ICountyPolicyGrain>(county.Value).GetLendingTermsAsync(clock.TodayIn(county))).LendingStopped;
        }
        catch (RuleViolationException noPolicy) when (noPolicy.Reason == "NO_POLICY_IN_FORCE")
        {
            return false;
        }
    }

    private async Task<List<(string, string, DateOnly, Money)>> ReadSeasonAsync(IReadOnlyList<string> loanIds)
    {
        var season = new List<(string, string, DateOnly, Money)>();
        foreach (var chunk in loanIds.Chunk(AtOnce))
        {
            var loans = await Task.WhenAll(chunk.Select(loanId => grains.Get<ILoanGrain>(loanId).GetAsync()));
            season.AddRange(loans
                .Where(loan => loan.DisbursedOn is not null)
                .Select(loan => (loan.LoanId, loan.Application.BankCode, loan.DisbursedOn!.Value, loan.Application.Amount)));
        }

        return season;
    }
}
