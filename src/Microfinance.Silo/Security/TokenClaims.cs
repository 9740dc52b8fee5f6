namespace Microfinance.Silo.Security;

/// <summary>The claims the platform reads from a caller's token.</summary>
public static class TokenClaims
{
    /// <summary>Who acts: recorded as the actor of every change they make.</summary>
    public const string Subject = "sub";

    /// <summary>One of <see cref="RoleNames"/>.</summary>
    public const string Role = "role";

    /// <summary>
    /// A division code the caller's role covers (province, county, township or village); may
    /// repeat, e.g. the counties a bank officer serves.
    /// </summary>
    public const string Region = "region";

    /// <summary>A bank officer's bank code.</summary>
    public const string Bank = "bank";
}
