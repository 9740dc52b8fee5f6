using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;

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

    /// <summary>
    /// Reserves <paramref name="amount"/> of the legal-person cap for an approved loan: the cap is
    /// on everything the borrower owes, across all its loans and banks. Fails with
    /// <c>LEGAL_PERSON_CAP_EXCEEDED</c>. Idempotent by loan id.
    /// </summary>
    Task ReserveCapAsync(string loanId, Money amount, CountyPolicy policy, DateTimeOffset expiresAt);

    /// <summary>Turns the loan's reservation into outstanding principal. Idempotent by loan id.</summary>
    Task ConfirmCapAsync(string loanId);

    /// <summary>Releases what the loan holds of the cap. Idempotent by loan id.</summary>
    Task ReleaseCapAsync(string loanId);

    /// <summary>Frees the principal a disbursed loan repaid. Idempotent by (loan id, sequence).</summary>
    Task RepayCapAsync(string loanId, int sequence, Money principal);
}
