namespace Microfinance.Abstractions.Households;

/// <summary>
/// Keeps a person in one household only, as head or member (一户多贷): it remembers which household
/// claimed the person's resident id.
/// Keyed not by the resident id, which is personal data and would reach storage rows and logs as
/// the grain id, but by a hash of it under a secret pepper (the silo's <c>IResidentIdKey</c>; in
/// the PostgreSQL profile the pepper is kept in the database).
/// </summary>
public interface IResidentIdClaimGrain : IGrainWithStringKey
{
    /// <summary>
    /// Claims the id for a household. Claiming again for the same household changes nothing; a
    /// claim held by another household that really lists this person fails with
    /// <c>RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD</c> (its head) or <c>RESIDENT_ID_ALREADY_IN_HOUSEHOLD</c>
    /// (a member); a stale one (left by an interrupted change) is taken over.
    /// </summary>
    Task ClaimAsync(string registryNumber);

    /// <summary>Gives the id up if <paramref name="registryNumber"/> holds it.</summary>
    Task ReleaseAsync(string registryNumber);
}
