using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Microfinance.Silo.Security;

namespace Microfinance.Api.Tests;

/// <summary>The web port: the page offline, the browser's session, the event streams and who may open what.</summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardWebTests(ApiFixture fixture)
{
    private const long QuotaFen = 10_000_000;
    private const long FundFen = 50_000_000;

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/app.js")]
    [InlineData("/dashboard/vendor/echarts/echarts.min.js")]
    public async Task ThePageAndItsChartingLibraryAreServedByTheHost(string path)
    {
        using var browser = Browser();

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ACountyOfficersSessionWatchesItsCountyAsServerSentEvents()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, QuotaFen, FundFen);
        using var browser = Browser();
        await SignInAsync(browser, fixture.Tokens.Issue("web-county-officer", Role.CountyOfficer, [county.County]));

        using var events = await WatchAsync(browser, $"/dashboard/api/counties/{county.County}/watch");
        var (id, data) = await NextEventAsync(events);

        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
        var snapshot = JsonDocument.Parse(data).RootElement.GetProperty("snapshot");
        Assert.Equal(county.County, snapshot.GetProperty("countyCode").GetString());
        Assert.Equal($"{snapshot.GetProperty("viewId").GetString()}:{snapshot.GetProperty("revision").GetString()}", id);
    }

    [Fact]
    public async Task ABrowserReconnectingWithItsLastEventIdGoesOnWithDeltas()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, QuotaFen, FundFen);
        using var browser = Browser();
        await SignInAsync(browser, fixture.Tokens.Issue("web-county-officer", Role.CountyOfficer, [county.County]));
        string lastId;
        using (var first = await WatchAsync(browser, $"/dashboard/api/counties/{county.County}/watch"))
        {
            lastId = (await NextEventAsync(first)).Id;
        }

        var loanId = await LendingSetup.NewCountyReviewedLoanAsync(fixture.Channel, county.Village, 3_000_000);
        await new LoanService.LoanServiceClient(fixture.Channel).ApproveLoanAsync(new ApproveLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId });
        using var resumed = await WatchAsync(browser, $"/dashboard/api/counties/{county.County}/watch", lastId);

        var (_, data) = await NextEventAsync(resumed);

        Assert.True(JsonDocument.Parse(data).RootElement.TryGetProperty("delta", out _), data);
    }

    [Fact]
    public async Task ACountyOfficerMayNotWatchAnotherCountyNorTheProvince()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, QuotaFen, FundFen);
        var other = await LendingSetup.NewLendingCountyAsync(fixture.Channel, QuotaFen, FundFen);
        using var browser = Browser();
        await SignInAsync(browser, fixture.Tokens.Issue("web-county-officer", Role.CountyOfficer, [county.County]));

        using var otherCounty = await WatchAsync(browser, $"/dashboard/api/counties/{other.County}/watch");
        using var province = await WatchAsync(browser, $"/dashboard/api/provinces/{county.County[..2]}0000000000/watch");

        Assert.Equal(HttpStatusCode.Forbidden, otherCounty.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, province.StatusCode);
    }

    [Fact]
    public async Task AWatchWithoutASessionIsUnauthorized()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, QuotaFen, FundFen);
        using var browser = Browser();

        using var watch = await WatchAsync(browser, $"/dashboard/api/counties/{county.County}/watch");

        Assert.Equal(HttpStatusCode.Unauthorized, watch.StatusCode);
    }

    [Fact]
    public async Task AnInvalidTokenStartsNoSession()
    {
        using var browser = Browser();

        var refused = await SignInAsync(browser, "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/dashboard/api/session")).StatusCode);
    }

    [Theory]
    [InlineData(Role.Operator, HttpStatusCode.OK)]
    [InlineData(Role.CountyOfficer, HttpStatusCode.Forbidden)]
    [InlineData(Role.ProvinceAdministrator, HttpStatusCode.Forbidden)]
    public async Task TheOrleansDashboardIsForOperatorsOnly(Role role, HttpStatusCode expected)
    {
        using var browser = Browser();
        await SignInAsync(browser, fixture.Tokens.Issue("web-caller", role, role == Role.Operator ? [] : [role == Role.CountyOfficer ? "450101" : "45"]));

        var response = await browser.GetAsync("/orleans/");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task TheOrleansDashboardWithoutASessionIsUnauthorized()
    {
        using var browser = Browser();

        var response = await browser.GetAsync("/orleans/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>An HTTP client that keeps cookies, as a browser does.</summary>
    private HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.WebAddress) };

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dashboard/api/session");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await browser.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> WatchAsync(HttpClient browser, string path, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        return await browser.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>The stream's next event: its id and its data.</summary>
    private static async Task<(string Id, string Data)> NextEventAsync(HttpResponseMessage events)
    {
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var reader = new StreamReader(await events.Content.ReadAsStreamAsync(timeout.Token));
        string id = "", data = "";
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0 && data.Length > 0)
            {
                return (id, data);
            }

            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }

        throw new InvalidOperationException("The event stream ended.");
    }
}
