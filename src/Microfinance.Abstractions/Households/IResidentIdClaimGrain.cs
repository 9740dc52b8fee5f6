namespace Microfinance.Abstractions.Households;

/// <summary>
/// Keeps a resident id from heading two households: it remembers which household claimed the id.
/// Keyed not by the resident id, which is personal data and would reach storage rows and logs as
/// the grain id, but by a hash of it under a secret pepper (the silo's <c>IResidentIdKey</c>; in
/// the PostgreSQL profile the pepper is kept in the database).
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
