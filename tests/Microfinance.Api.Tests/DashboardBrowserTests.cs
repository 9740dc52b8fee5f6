using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Microfinance.Silo.Security;
using Microsoft.Playwright;

namespace Microfinance.Api.Tests;

/// <summary>
/// The dashboards in headless Chromium (Debian's <c>chromium</c>, or the browser <c>MF_CHROMIUM</c>
/// names): signed in with a county officer's or the province's token, the page follows lending live.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardBrowserTests(ApiFixture fixture)
{
    private const long LoanFen = 3_000_000;
    private const long QuotaFen = 10_000_000;
    private const long FundFen = 50_000_000;

    private static string Chromium => Environment.GetEnvironmentVariable("MF_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    [Fact]
    public async Task TheCountyPageShowsADisbursementWithoutReloading()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, QuotaFen, FundFen);
        var loanId = await LendingSetup.NewCountyReviewedLoanAsync(fixture.Channel, county.Village, LoanFen);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await SignedInPageAsync(browser, fixture.Tokens.Issue("browser-county-officer", Role.CountyOfficer, [county.County]));
        await page.WaitForFunctionAsync("() => document.getElementById('kpi-used').textContent === '¥0.00'");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await ApproveAndDisburseAsync(county.County, loanId);

        await page.WaitForFunctionAsync(
            "() => document.getElementById('kpi-used').textContent === '¥30,000.00' && document.getElementById('kpi-outstanding').textContent === '¥30,000.00'");
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        Assert.Equal("30.00%", await page.TextContentAsync("#kpi-progress"));
        Assert.Contains("¥30,000.00", await page.TextContentAsync("#villages"));
        await SaveScreenshotAsync(page, "county-dashboard.png");
    }

    [Fact]
    public async Task TheProvincePageRanksACountyByWhatItJustLent()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, QuotaFen, FundFen);
        var loanId = await LendingSetup.NewCountyReviewedLoanAsync(fixture.Channel, county.Village, LoanFen);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await SignedInPageAsync(browser, fixture.Tokens.Issue("browser-province-admin", Role.ProvinceAdministrator, [county.County[..2]]));
        var disbursedCell = $"() => document.querySelector('#county-ranking a[href=\"#county/{county.County}\"]')?.closest('tr').cells[3].textContent";
        await page.WaitForFunctionAsync($"() => ({disbursedCell})() === '¥0.00'");

        await ApproveAndDisburseAsync(county.County, loanId);

        await page.WaitForFunctionAsync($"() => ({disbursedCell})() === '¥30,000.00'");
        await SaveScreenshotAsync(page, "province-dashboard.png");
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu"],
    });

    /// <summary>Opens the dashboards' page and signs in with <paramref name="token"/>, as a user pastes it.</summary>
    private async Task<IPage> SignedInPageAsync(IBrowser browser, string token)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1100 } });
        await page.GotoAsync($"{fixture.WebAddress}/dashboard/");
        await page.FillAsync("#token", token);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        return page;
    }

    private async Task ApproveAndDisburseAsync(string county, string loanId)
    {
        var loans = new LoanService.LoanServiceClient(fixture.Channel);
        await loans.ApproveLoanAsync(new ApproveLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId });
        var today = (await new ClockService.ClockServiceClient(fixture.Channel)
            .GetBusinessDateAsync(new GetBusinessDateRequest { RegionCode = county })).BusinessDate.Date;
        await loans.RecordDisbursementAsync(new RecordDisbursementRequest { RequestId = Keys.NewRequestId(), LoanId = loanId, DisbursedDate = today });
    }

    /// <summary>Saves the page under the test output's <c>screenshots</c> folder.</summary>
    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots.FullName, name), FullPage = true });
    }
}
