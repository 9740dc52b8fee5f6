namespace Microfinance.Silo.Security;

/// <summary>The <c>ErrorInfo</c> reasons of an UNAUTHENTICATED or PERMISSION_DENIED status.</summary>
public static class AccessReasons
{
    /// <summary>UNAUTHENTICATED: the call carries no bearer token.</summary>
    public const string TokenMissing = "TOKEN_MISSING";

    /// <summary>UNAUTHENTICATED: the token is expired, not yet valid, or not signed by a trusted key for this issuer and audience.</summary>
    public const string TokenInvalid = "TOKEN_INVALID";

    /// <summary>PERMISSION_DENIED: a valid token whose claims do not name a subject, a role and its area.</summary>
    public const string TokenClaimsInvalid = "TOKEN_CLAIMS_INVALID";

    /// <summary>PERMISSION_DENIED: the caller's role may not call this RPC at all.</summary>
    public const string RoleNotPermitted = "ROLE_NOT_PERMITTED";

    /// <summary>PERMISSION_DENIED: what the request touches lies outside the caller's area.</summary>
    public const string OutsideArea = "OUTSIDE_AREA";

    /// <summary>PERMISSION_DENIED: the loan, claim or fund belongs to another bank.</summary>
    public const string OtherBank = "OTHER_BANK";

    /// <summary>PERMISSION_DENIED: the request acts as a party the caller is not (a village officer reviewing as the township).</summary>
    public const string NotCallersParty = "NOT_CALLERS_PARTY";
}
