using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.LegalPersons;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Policies;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;

namespace Microfinance.Grains.Loans;

/// <summary>
/// Who may borrow (第九条, and the rules for legal persons and the households they drive), checked
/// against the county's lending terms of the day: when a loan is applied for, and again when the
/// bank approves it.
/// </summary>
public sealed class LoanApplicants(IGrainFactory grains, BusinessClock clock)
{
    /// <summary>
    /// Checks the applicant of <paramref name="application"/> on today's business date in its
    /// county, against <paramref name="terms"/> or the terms then in force; throws the rule that refused.
    /// </summary>
    /// <returns>The county whose limits apply, the household's village (null for a legal person), and the date checked on.</returns>
    public Task<(AdminCode County, AdminCode? Village, DateOnly Today)> CheckAsync(LoanApplication application, LendingTerms? terms = null) =>
        application.LegalPerson is null
            ? CheckHouseholdAsync(application, terms)
            : CheckLegalPersonAsync(application, terms);

    private async Task<(AdminCode County, AdminCode? Village, DateOnly Today)> CheckHouseholdAsync(
        LoanApplication application, LendingTerms? terms)
    {
        var household = await grains.Get<IHouseholdGrain>(application.Borrower).GetAsync();
        var county = household.Village.County;
        var today = clock.TodayIn(county);
        terms ??= await TermsAsync(county, today);
        Eligibility.CheckApplicant(terms.Policy, Facts(household, application, today, terms));
        return (county, household.Village, today);
    }

    private async Task<(AdminCode County, AdminCode? Village, DateOnly Today)> CheckLegalPersonAsync(
        LoanApplication application, LendingTerms? terms)
    {
        var agreement = application.LegalPerson!;
        var legalPerson = await grains.Get<ILegalPersonGrain>(application.Borrower).GetAsync();
        var county = legalPerson.Profile.County;
        if (!agreement.Township.IsWithin(county))
        {
            throw new RuleViolationException(
                "TOWNSHIP_OUTSIDE_COUNTY", $"Township {agreement.Township} is not in the borrower's county {county}.");
        }

        var today = clock.TodayIn(county);
        terms ??= await TermsAsync(county, today);
        LegalPersonLoanSizing.Check(terms.Policy, agreement.DrivenHouseholds.Count, application.Amount);

        // The loan alone; the borrower's other loans count when the bank approves and reserves the cap.
        LegalPersonCap.Check(terms.Policy, Money.Zero, application.Amount);
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
        return (county, null, today);
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
