using Microfinance.Domain.Households;

namespace Microfinance.Domain.Lending;

/// <summary>
/// What <see cref="Eligibility.CheckApplicant"/> needs to know about a household's application:
/// the household's standing, the head-of-household borrower's birth date, the requested term and
/// whether the county has stopped new lending.
/// </summary>
/// <param name="CountyLendingStopped">
/// Whether new lending in the county is stopped, e.g. because its non-performing ratio reached the
/// tolerance (监管容忍度).
/// </param>
public sealed record ApplicantFacts(
    HouseholdCategory Category,
    LaborCapacity LaborCapacity,
    DateOnly HeadBirthDate,
    DateOnly ApplicationDate,
    int TermMonths,
    bool CountyLendingStopped);
