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

namespace Microfinance.Grains.Reporting;

/// <summary>
/// Reads the facts of a county's lending figures from its grains: every registered household of
/// every village with the loans it applied for, every disbursed loan of the books (a legal person's
/// among them), and the books themselves. It reads every household of the county: a county's
/// figures cost a call per household and per loan.
/// </summary>
public sealed class CountyFactsReader(IGrainFactory grains)
{
    /// <summary>How many grains are asked at once: enough to overlap, few enough not to flood the silo.</summary>
    private const int AtOnce = 256;

    /// <summary>The facts for the period <paramref name="from"/> to <paramref name="through"/>, eligibility by the policy in force at its end.</summary>
    public async Task<CountyFacts> ReadAsync(AdminCode county, DateOnly from, DateOnly through)
    {
        var policy = (await grains.Get<ICountyPolicyGrain>(county.Value).GetLendingTermsAsync(through)).Policy;
        var books = grains.Get<ICountyBooksGrain>(county.Value);
        var snapshot = await books.GetAsync();

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

        return new CountyFacts(households, loans, snapshot);
    }

    private async Task<List<string>> RegisteredHouseholdsAsync(AdminCode county)
    {
        var households = new List<string>();
        foreach (var township in await KeyPages.ReadAllAsync(grains.Get<ICountyGrain>(county.Value).ListSubregionsAsync))
        {
            foreach (var village in await KeyPages.ReadAllAsync(grains.Get<ITownshipGrain>(township).ListSubregionsAsync))
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
}
