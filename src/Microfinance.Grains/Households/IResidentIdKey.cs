using Microfinance.Domain.Identity;

namespace Microfinance.Grains.Households;

/// <summary>
/// The key of a resident id's claim grain. Grain keys reach storage rows and Orleans' log lines,
/// where a resident id (personal data) must never appear.
/// </summary>
public interface IResidentIdKey
{
    /// <summary>The claim grain's key for <paramref name="residentId"/>; the same on every silo of a cluster.</summary>
    string Of(ResidentId residentId);
}
