using System.Security.Cryptography;
using Microfinance.Silo.Hosting;
using Microfinance.Silo.Web;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Microfinance.Silo.Security;

/// <summary>
/// Bearer-token authentication for the gRPC API (<see cref="AuthOptions"/>), and the admission of
/// each call (<see cref="AccessInterceptor"/>).
/// </summary>
public static class PlatformAuthentication
{
    /// <summary>The embedded profile's issuer and audience when it makes its own development key.</summary>
    public const string DevelopmentIssuer = "orleans-microfinance-embedded";

    public const string DevelopmentAudience = "orleans-microfinance";

    private const int MinSecretBytes = 32;

    /// <summary>
    /// Validates tokens as configured. With nothing configured the embedded profile makes a random
    /// development key (tokens die with the process); the PostgreSQL profile refuses to start.
    /// </summary>
    /// <returns>Whether the key is a development key made here.</returns>
    /// <exception cref="InvalidOperationException">Authentication is missing or misconfigured where it is required.</exception>
    public static bool AddPlatformAuthentication(this WebApplicationBuilder builder, PlatformProfile profile)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new();
        var development = false;
        if (!options.IsConfigured)
        {
            if (profile != PlatformProfile.Embedded || IsPartlySet(options))
            {
                throw new InvalidOperationException(
                    $"Authentication is not configured: set {AuthOptions.Section}:Issuer, :Audience and :PublicKeys (PEM) "
                    + "or :SharedSecrets (base64). The PostgreSQL profile does not serve without it; see the README.");
            }

            options = new AuthOptions
            {
                Issuer = DevelopmentIssuer,
                Audience = DevelopmentAudience,
                SharedSecrets = [Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinSecretBytes))],
            };
            development = true;
        }

        var secrets = options.SharedSecrets.Select(ReadSecret).ToList();
        var keys = secrets.Cast<SecurityKey>().Concat(options.PublicKeys.Select(ReadPublicKey)).ToList();
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(bearer =>
            {
                // Claims keep the names tokens carry ("sub", "role", "region", "bank").
                bearer.MapInboundClaims = false;
                bearer.Events = new JwtBearerEvents { OnMessageReceived = DashboardSession.ReadToken };
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKeys = keys,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromMinutes(1),
                    NameClaimType = TokenClaims.Subject,
                    RoleClaimType = TokenClaims.Role,
                };
            });
        if (secrets.Count > 0)
        {
            // Token lifetimes run on the wall clock that validates them, never on the business clock.
            builder.Services.AddSingleton(new TokenIssuer(options.Issuer!, options.Audience!, secrets[0], TimeProvider.System));
        }

        builder.Services.AddAuthorization(authorization => authorization.AddPolicy(
            DashboardWebEndpoints.OperatorPolicy,
            policy => policy.RequireAuthenticatedUser().RequireClaim(TokenClaims.Role, RoleNames.Of(Role.Operator))));
        builder.Services.AddSingleton<EntityScopes>();
        builder.Services.AddSingleton<AccessPolicy>();
        return development;
    }

    private static bool IsPartlySet(AuthOptions options) =>
        !string.IsNullOrWhiteSpace(options.Issuer) || !string.IsNullOrWhiteSpace(options.Audience)
        || options.PublicKeys.Count > 0 || options.SharedSecrets.Count > 0;

    private static SymmetricSecurityKey ReadSecret(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{AuthOptions.Section}:SharedSecrets holds a value that is not base64.");
        }

        return bytes.Length >= MinSecretBytes
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException($"{AuthOptions.Section}:SharedSecrets must be at least {MinSecretBytes} bytes each.");
    }

    private static SecurityKey ReadPublicKey(string pem)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (ArgumentException)
        {
            rsa.Dispose();
        }

        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec);
        }
        catch (ArgumentException)
        {
            ec.Dispose();
            throw new InvalidOperationException($"{AuthOptions.Section}:PublicKeys holds a value that is not an RSA or EC public key in PEM.");
        }
    }
}
