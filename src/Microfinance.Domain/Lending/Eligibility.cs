using Microfinance.Domain.Errors;
using Microfinance.Domain.Households;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Lending;

/// <summary>
/// Whether a household may borrow under a county policy (第九条 and 篇1). Each rule returns
/// normally or throws a <see cref="RuleViolationException"/> with a stable reason;
/// <see cref="CheckApplicant"/> runs them all, so the first failing rule is the one reported.
/// </summary>
public static class Eligibility
{
    /// <summary>Runs every rule in order, from the household's standing to the county's state.</summary>
    /// <exception cref="RuleViolationException">The first rule the applicant fails.</exception>
    public static void CheckApplicant(CountyPolicy policy, ApplicantFacts facts)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(facts);

        CheckNotFiveGuarantee(facts.Category);
        CheckCategory(policy, facts.Category);
        CheckLaborCapacity(facts.LaborCapacity);
        CheckAge(policy, facts.HeadBirthDate, facts.ApplicationDate);
        CheckTerm(policy, facts.TermMonths);
        CheckLendingWindow(policy, facts.ApplicationDate);
        CheckCountyNotStopped(facts.CountyLendingStopped);
    }

    /// <summary>第九条: 建档立卡贫困农户(五保户除外) — a five-guarantee household never borrows.</summary>
    /// <exception cref="RuleViolationException"><c>FIVE_GUARANTEE_HOUSEHOLD</c></exception>
    public static void CheckNotFiveGuarantee(HouseholdCategory category)
    {
        // Checked apart from EligibleCategories so that no county configuration can let one in.
        if (category == HouseholdCategory.FiveGuarantee)
        {
            throw new RuleViolationException(
                "FIVE_GUARANTEE_HOUSEHOLD",
                "Five-guarantee households (五保户) are excluded from microcredit (第九条).");
        }
    }

    /// <exception cref="RuleViolationException"><c>HOUSEHOLD_CATEGORY_NOT_ELIGIBLE</c></exception>
    public static void CheckCategory(CountyPolicy policy, HouseholdCategory category)
    {
        ArgumentNullException.ThrowIfNull(policy);

        if (!policy.EligibleCategories.Contains(category))
        {
            throw new RuleViolationException(
                "HOUSEHOLD_CATEGORY_NOT_ELIGIBLE",
                $"Household category {category} is not eligible under policy {policy.Name}; eligible: {string.Join(", ", policy.EligibleCategories.Order())}.");
        }
    }

    /// <summary>篇1: households without working-age labour (无劳动力) are excluded.</summary>
    /// <exception cref="RuleViolationException"><c>NO_LABOR_CAPACITY</c></exception>
    public static void CheckLaborCapacity(LaborCapacity laborCapacity)
    {
        if (laborCapacity == LaborCapacity.None)
        {
            throw new RuleViolationException(
                "NO_LABOR_CAPACITY",
                "Households without working-age labour are excluded from microcredit (篇1).");
        }
    }

    /// <summary>
    /// The borrower's age in full years on the application date must lie within the policy's
    /// range, both ends inclusive (65周岁以下 in 第九条: a 65-year-old still qualifies).
    /// </summary>
    /// <exception cref="RuleViolationException"><c>BORROWER_AGE_OUT_OF_RANGE</c></exception>
    public static void CheckAge(CountyPolicy policy, DateOnly birthDate, DateOnly applicationDate)
    {
        ArgumentNullException.ThrowIfNull(policy);

        var age = AgeOn(birthDate, applicationDate);
        if (age < policy.MinBorrowerAge || age > policy.MaxBorrowerAge)
        {
            throw new RuleViolationException(
                "BORROWER_AGE_OUT_OF_RANGE",
                $"The borrower is {age} on {applicationDate:yyyy-MM-dd}; policy {policy.Name} lends to ages {policy.MinBorrowerAge}–{policy.MaxBorrowerAge}.");
        }
    }

    /// <summary>The term must be between 1 month and the policy's maximum (3年期以内 under "5321").</summary>
    /// <exception cref="RuleViolationException"><c>TERM_EXCEEDS_POLICY</c></exception>
    public static void CheckTerm(CountyPolicy policy, int termMonths)
    {
        ArgumentNullException.ThrowIfNull(policy);

        if (termMonths < 1 || termMonths > policy.MaxTermMonths)
        {
            throw new RuleViolationException(
                "TERM_EXCEEDS_POLICY",
                $"A term of {termMonths} months is outside policy {policy.Name}'s 1–{policy.MaxTermMonths} months.");
        }
    }

    /// <summary>篇1 ㈤: loans are disbursed only within the county's lending window, when it has one.</summary>
    /// <exception cref="RuleViolationException"><c>OUTSIDE_LENDING_WINDOW</c></exception>
    public static void CheckLendingWindow(CountyPolicy policy, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(policy);

        if (policy.LendingWindow is { } window && !window.Contains(date))
        {
            throw new RuleViolationException(
                "OUTSIDE_LENDING_WINDOW",
                $"{date:yyyy-MM-dd} is outside policy {policy.Name}'s lending window {window}.");
        }
    }

    /// <summary>New lending stops while the county's non-performing ratio is at or above the tolerance.</summary>
    /// <exception cref="RuleViolationException"><c>COUNTY_LENDING_STOPPED</c></exception>
    public static void CheckCountyNotStopped(bool countyLendingStopped)
    {
        if (countyLendingStopped)
        {
            throw new RuleViolationException(
                "COUNTY_LENDING_STOPPED",
                "New lending in the county is stopped.");
        }
    }

    // The same reckoning as ResidentId.AgeOn: a year older on each birthday, and someone born on
    // 29 February a year older on 1 March in common years. A date before birth yields a negative
    // age, which the range check then rejects.
    private static int AgeOn(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year;
        var birthdayNotYetReached = date.Month < birthDate.Month
            || (date.Month == birthDate.Month && date.Day < birthDate.Day);
        return birthdayNotYetReached ? age - 1 : age;
    }
}
