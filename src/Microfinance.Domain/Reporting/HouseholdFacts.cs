using Microfinance.Domain.Regions;

namespace Microfinance.Domain.Reporting;

/// <summary>A registered household as the county figures count it.</summary>
/// <param name="RegistryNumber">The household.</param>
/// <param name="Village">Where it is registered.</param>
/// <param name="Eligible">Whether its category may borrow under the county's policy (the 户贷率's denominator).</param>
/// <param name="StarRating">Its credit co-operative's star rating, 1 to 5; 0 when not rated.</param>
public sealed record HouseholdFacts(string RegistryNumber, AdminCode Village, bool Eligible, int StarRating);
