using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.LegalPersons;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Policies;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Regions;

namespace Microfinance.Grains.Loans;

/// <summary>
/// Who may borrow (第九条, and the rules for legal persons and the households they drive), checked
/// against the county's lending terms of the day: when a loan is applied for, and again when the
/// bank approves it.
/// </summary>
public sealed class LoanApplicants(IGrainFactory grains)
{
    /// <summary>
    /// Checks the applicant of <paramref name="application"/> against <paramref name="terms"/>, or
    /// against the terms in force <paramref name="today"/> in its county; throws the rule that refused.
    /// </summary>
    /// <returns>The county whose limits apply, and the household's village (null for a legal person).</returns>
    public Task<(AdminCode County, AdminCode? Village)> CheckAsync(LoanApplication application, DateOnly today, LendingTerms? terms = null) =>
        application.LegalPerson is null
            ? CheckHouseholdAsync(application, today, terms)
            : CheckLegalPersonAsync(application, today, terms);

    private async Task<(AdminCode County, AdminCode? Village)> CheckHouseholdAsync(
        LoanApplication application, DateOnly today, LendingTerms? terms)
    {
        var household = await grains.Get<IHouseholdGrain>(application.Borrower).GetAsync();
        var county = household.Village.County;
        terms ??= await TermsAsync(county, today);
        Eligibility.CheckApplicant(terms.Policy, Facts(household, application, today, terms));
        return (county, household.Village);
    }

    private async Task<(AdminCode County, AdminCode? Village)> CheckLegalPersonAsync(
        LoanApplication application, DateOnly today, LendingTerms? terms)
    {
        var agreement = application.LegalPerson!;
        var legalPerson = await grains.Get<ILegalPersonGrain>(application.Borrower).GetAsync();
        var county = legalPerson.Profile.County;
        if (!agreement.Township.IsWithin(county))
        {
            throw new RuleViolationException(
                "TOWNSHIP_OUTSIDE_COUNTY", $"Township {agreement.Township} is not in the borrower's county {county}.");
        }

        terms ??= await TermsAsync(county, today);
        LegalPersonLoanSizing.Check(terms.Policy, agreement.DrivenHouseholds.Count, application.Amount);
        var households = await Task.WhenAll(agreement.DrivenHouseholds.Select(registryNumber =>
            grains.Get<IHouseholdGrain>(registryNumber).GetAsync()));
        foreach (var household in households)
        {
            if (household.Village.Parent != agreement.Township)
            {
                throw new RuleViolationException(
                    "DRIVEN_HOUSEHOLD_OUTSIDE_TOWNSHIP",
                    $"Driven household {household.RegistryNumber} lives outside township {agreement.Township}.");
            }

            // The driven households must themselves be eligible poor households; the rules about the
            // borrower in person (age, labour) apply to the legal person's own review, not here.
            Eligibility.CheckNotFiveGuarantee(household.Profile.Category);
            Eligibility.CheckCategory(terms.Policy, household.Profile.Category);
        }

        Eligibility.CheckTerm(terms.Policy, application.TermMonths);
        Eligibility.CheckLendingWindow(terms.Policy, today);
        Eligibility.CheckCountyNotStopped(terms.LendingStopped);
        return (county, null);
    }

    private static ApplicantFacts Facts(HouseholdRecord household, LoanApplication application, DateOnly today, LendingTerms terms) =>
        new(
            household.Profile.Category,
            household.Profile.LaborCapacity,
            household.Profile.HeadResidentId.BirthDate,
            today,
            application.TermMonths,
            terms.LendingStopped);

    private Task<LendingTerms> TermsAsync(AdminCode county, DateOnly today) =>
        grains.Get<ICountyPolicyGrain>(county.Value).GetLendingTermsAsync(today);
}
