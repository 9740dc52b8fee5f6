namespace Microfinance.Silo.Security;

/// <summary>
/// How callers' bearer tokens are validated, bound from <c>Microfinance:Auth</c>. A province's
/// identity provider issues the tokens; the platform only checks them.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Microfinance:Auth";

    /// <summary>The <c>iss</c> every token must carry.</summary>
    public string? Issuer { get; set; }

    /// <summary>The <c>aud</c> every token must carry.</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// Public keys (PEM, RSA or EC) of the identity provider: tokens signed with the matching
    /// private key are accepted. Several may be listed while keys are rotated.
    /// </summary>
    public List<string> PublicKeys { get; set; } = [];

    /// <summary>
    /// Shared HMAC secrets (base64, at least 32 bytes) for a provider that signs with HS256. The
    /// first also lets the platform issue tokens itself (the embedded profile's demo tokens, the
    /// benchmarks).
    /// </summary>
    public List<string> SharedSecrets { get; set; } = [];

    /// <summary>Whether enough is configured to validate a token.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Issuer)
        && !string.IsNullOrWhiteSpace(Audience)
        && (PublicKeys.Count > 0 || SharedSecrets.Count > 0);
}
