using Grpc.Core;
using Microfinance.Abstractions.Dashboards;
using Microfinance.Api.V1;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Regions;
using Microfinance.Silo.Api.Dashboards;
using Microfinance.Silo.Security;
using Microsoft.Extensions.FileProviders;
using Orleans.Dashboard;

namespace Microfinance.Silo.Web;

/// <summary>
/// The web port: the dashboards' page, the browser's session, the event streams that feed the page
/// (the gRPC watches, as server-sent events, admitted by the same access rules), and the Orleans
/// dashboard for operators.
/// </summary>
public static class DashboardWebEndpoints
{
    /// <summary>The authorization policy of the Orleans dashboard: a signed-in operator.</summary>
    public const string OperatorPolicy = "operator";

    private static readonly string WatchCountyMethod = $"/{DashboardService.Descriptor.FullName}/WatchCounty";
    private static readonly string WatchProvinceMethod = $"/{DashboardService.Descriptor.FullName}/WatchProvince";

    public static WebApplication MapDashboardWeb(this WebApplication app, int webPort)
    {
        var host = $"*:{webPort}";
        var pages = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot", "dashboard"));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = pages, RequestPath = "/dashboard" });
        app.MapGet("/", () => Results.Redirect("/dashboard/")).RequireHost(host);

        app.MapGet("/dashboard/", () => Results.File(pages.GetFileInfo("index.html").PhysicalPath!, "text/html; charset=utf-8")).RequireHost(host);

        var api = app.MapGroup("/dashboard/api").RequireHost(host);
        api.MapGet("/session", (HttpContext http) => Signed(http) is { } caller ? Results.Ok(SessionView.Of(caller)) : Results.Unauthorized());
        api.MapPost("/session", SignIn);
        api.MapDelete("/session", (HttpContext http) =>
        {
            DashboardSession.End(http.Response);
            return Results.NoContent();
        });
        api.MapGet("/counties/{code}/watch", WatchCountyAsync);
        api.MapGet("/provinces/{code}/watch", WatchProvinceAsync);

        app.MapOrleansDashboard("/orleans").RequireHost(host).RequireAuthorization(OperatorPolicy);
        return app;
    }

    /// <summary>Starts a session with the bearer token the request was authenticated with.</summary>
    private static IResult SignIn(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (Signed(http) is not { } caller || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Unauthorized();
        }

        var expires = long.TryParse(http.User.FindFirst("exp")?.Value, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UtcNow.AddHours(1);
        DashboardSession.Start(http.Response, header["Bearer ".Length..].Trim(), expires);
        return Results.Ok(SessionView.Of(caller));
    }

    private static async Task WatchCountyAsync(string code, HttpContext http, DashboardFeeds feeds, AccessPolicy access)
    {
        if (!AdminCode.TryParse(code, out var county, out _) || county.Level != AdminLevel.County)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var resume = Resume(http);
        string? viewId = resume?.ViewId.ToString();
        var events = new DashboardEventStream<WatchCountyResponse>(http.Response, response => response.UpdateCase switch
        {
            WatchCountyResponse.UpdateOneofCase.Snapshot => $"{viewId = response.Snapshot.ViewId}:{response.Snapshot.Revision}",
            WatchCountyResponse.UpdateOneofCase.Delta => $"{viewId}:{response.Delta.Revision}",
            _ => null,
        });
        await WatchAsync(http, access, WatchCountyMethod, new WatchCountyRequest { CountyCode = county.Value },
            () => feeds.WatchCountyAsync(county, resume, events, http.RequestAborted));
    }

    private static async Task WatchProvinceAsync(string code, HttpContext http, DashboardFeeds feeds, AccessPolicy access)
    {
        if (!AdminCode.TryParse(code, out var province, out _) || province.Level != AdminLevel.Province)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var resume = Resume(http);
        string? viewId = resume?.ViewId.ToString();
        var events = new DashboardEventStream<WatchProvinceResponse>(http.Response, response => response.UpdateCase switch
        {
            WatchProvinceResponse.UpdateOneofCase.Snapshot => $"{viewId = response.Snapshot.ViewId}:{response.Snapshot.Revision}",
            WatchProvinceResponse.UpdateOneofCase.Delta => $"{viewId}:{response.Delta.Revision}",
            _ => null,
        });
        await WatchAsync(http, access, WatchProvinceMethod, new WatchProvinceRequest { ProvinceCode = province.Value },
            () => feeds.WatchProvinceAsync(province, resume, events, http.RequestAborted));
    }

    /// <summary>
    /// Admits the watch by its gRPC method's rule and runs it; a refusal, or a failure before the first
    /// event, answers with the matching HTTP status.
    /// </summary>
    private static async Task WatchAsync(HttpContext http, AccessPolicy access, string method, object request, Func<Task> watch)
    {
        if (Signed(http) is not { } caller)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        try
        {
            await access.AuthorizeAsync(caller, method, request);
            await watch();
        }
        catch (RpcException refused) when (!http.Response.HasStarted)
        {
            http.Response.StatusCode = refused.StatusCode switch
            {
                StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
                StatusCode.NotFound => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status400BadRequest,
            };
        }
        catch (NotFoundException) when (!http.Response.HasStarted)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    /// <summary>Where the browser's reconnect resumes: the id of the last event it received.</summary>
    private static DashboardCursor? Resume(HttpContext http)
    {
        var parts = http.Request.Headers["Last-Event-ID"].ToString().Split(':');
        return parts.Length == 2 && Guid.TryParse(parts[0], out var viewId) && long.TryParse(parts[1], out var revision) && revision >= 0
            ? new DashboardCursor(viewId, revision)
            : null;
    }

    private static Caller? Signed(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? Caller.From(http.User, out _) : null;
}
