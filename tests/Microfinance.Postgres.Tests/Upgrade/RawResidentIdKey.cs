using Microfinance.Domain.Identity;
using Microfinance.Grains.Households;

namespace Microfinance.Postgres.Tests.Upgrade;

/// <summary>
/// The claim grain's key before migration 0007: the resident id itself. Only for leaving a
/// database as a release of that time left it.
/// </summary>
public sealed class RawResidentIdKey : IResidentIdKey
{
    public string Of(ResidentId residentId) => residentId.Value;
}
