namespace Microfinance.Abstractions.LegalPersons;

/// <summary>A legal-person borrower (新型农业经营主体), keyed by its unified social credit code.</summary>
public interface ILegalPersonGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers the borrower in a registered county. Fails with <c>COUNTY_NOT_FOUND</c> or
    /// <c>LEGAL_PERSON_ALREADY_EXISTS</c>; replaying the same request id returns the original record.
    /// </summary>
    Task<LegalPersonRecord> RegisterAsync(LegalPersonProfile profile, string requestId);

    /// <summary>The borrower, or <c>LEGAL_PERSON_NOT_FOUND</c>.</summary>
    Task<LegalPersonRecord> GetAsync();
}
