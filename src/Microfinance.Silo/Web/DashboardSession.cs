using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Microfinance.Silo.Web;

/// <summary>
/// A browser's session on the web port: the bearer token it signed in with, kept in an HttpOnly
/// cookie, since a browser's event stream cannot send an Authorization header. The token is checked
/// on every request exactly as a bearer token is; the cookie only carries it, and only to the
/// dashboards' paths.
/// </summary>
public static class DashboardSession
{
    public const string CookieName = "mf_session";

    /// <summary>The paths a session cookie is read on: the dashboards' pages and feeds, and the operators' dashboard.</summary>
    public static readonly PathString[] Paths = ["/dashboard", "/orleans"];

    /// <summary>Takes the token from the cookie when the request carries no Authorization header.</summary>
    public static Task ReadToken(MessageReceivedContext context)
    {
        var request = context.Request;
        if (string.IsNullOrEmpty(request.Headers.Authorization)
            && Paths.Any(path => request.Path.StartsWithSegments(path))
            && request.Cookies.TryGetValue(CookieName, out var token)
            && !string.IsNullOrEmpty(token))
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    /// <summary>Starts a session with <paramref name="token"/>, ending when the token expires.</summary>
    public static void Start(HttpResponse response, string token, DateTimeOffset expires) =>
        response.Cookies.Append(CookieName, token, Options(response, expires));

    public static void End(HttpResponse response) => response.Cookies.Delete(CookieName, Options(response, null));

    // Strict: no other site's page can make the browser send it. Secure whenever the port serves TLS.
    private static CookieOptions Options(HttpResponse response, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = response.HttpContext.Request.IsHttps,
        Path = "/",
        Expires = expires,
    };
}
