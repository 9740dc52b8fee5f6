namespace Microfinance.Abstractions.Households;

/// <summary>
/// Keeps a resident id from heading two households: keyed by the 18-character resident id,
/// it remembers which household claimed it.
/// </summary>
public interface IResidentIdClaimGrain : IGrainWithStringKey
{
    /// <summary>
    /// Claims the id for a household. Claiming again for the same household changes nothing; a
    /// claim held by another household that is really headed by this person fails with
    /// <c>RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD</c>, a stale one (left by an interrupted
    /// registration) is taken over.
    /// </summary>
    Task ClaimAsync(string registryNumber);

    /// <summary>Gives the id up if <paramref name="registryNumber"/> holds it.</summary>
    Task ReleaseAsync(string registryNumber);
}
