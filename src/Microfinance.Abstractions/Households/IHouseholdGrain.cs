using Microfinance.Domain.Identity;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Households;

/// <summary>A household (农户), keyed by its registry number.</summary>
public interface IHouseholdGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers the household in a registered village. Fails with <c>VILLAGE_NOT_FOUND</c>,
    /// <c>HOUSEHOLD_ALREADY_EXISTS</c> or <c>RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD</c>; replaying
    /// the same request id returns the registered household.
    /// </summary>
    Task<HouseholdRecord> RegisterAsync(AdminCode village, HouseholdProfile profile, string requestId);

    /// <summary>
    /// Applies a change to the profile. A new head must not head another household
    /// (<c>RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD</c>). Replaying a recent request id changes nothing
    /// and returns the household as it is.
    /// </summary>
    Task<HouseholdRecord> UpdateAsync(HouseholdUpdate update, string requestId);

    /// <summary>The household, or <c>HOUSEHOLD_NOT_FOUND</c>.</summary>
    Task<HouseholdRecord> GetAsync();

    /// <summary>Whether the household is registered with <paramref name="residentId"/> as its head.</summary>
    [AlwaysInterleave]
    Task<bool> IsHeadedByAsync(ResidentId residentId);
}
