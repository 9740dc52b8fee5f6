using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Microfinance.Silo.Security;

/// <summary>
/// Issues tokens signed with the first shared secret: the embedded profile's demo tokens, the
/// tests' and the benchmarks' callers. A province's identity provider issues real ones.
/// </summary>
public sealed class TokenIssuer(string issuer, string audience, SymmetricSecurityKey key, TimeProvider time)
{
    /// <summary>A signed token for <paramref name="subject"/> acting as <paramref name="role"/> over <paramref name="regions"/>.</summary>
    public string Issue(string subject, Role role, IEnumerable<string> regions, string? bank = null, TimeSpan? lifetime = null)
    {
        var claims = new List<Claim>
        {
            new(TokenClaims.Subject, subject),
            new(TokenClaims.Role, RoleNames.Of(role)),
        };
        claims.AddRange(regions.Select(region => new Claim(TokenClaims.Region, region)));
        if (bank is not null)
        {
            claims.Add(new Claim(TokenClaims.Bank, bank));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var expires = now + (lifetime ?? TimeSpan.FromHours(12));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now < expires ? now : expires,
            NotBefore = now < expires ? now : expires,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
