using System.Globalization;
using System.Text.RegularExpressions;
using Microfinance.Api.Tests.Support;

namespace Microfinance.Api.Tests;

/// <summary>The metrics scrape endpoint on the web port, as Prometheus reads it.</summary>
[Collection(ApiCollection.Name)]
public sealed class MetricsApiTests(ApiFixture fixture)
{
    private const long LoanFen = 3_000_000;

    [Fact]
    public async Task ADisbursementIsCountedWithItsAmountByCountyAndBank()
    {
        var loan = await LendingSetup.NewDisbursedLoanAsync(fixture, LoanFen, 10_000_000, 50_000_000);

        var counted = await ScrapeUntilAsync(text => Sample(text, "microfinance_loans_disbursed_total", loan.County.County) is not null);

        Assert.Equal(1, Sample(counted, "microfinance_loans_disbursed_total", loan.County.County));
        Assert.Equal(LoanFen, Sample(counted, "microfinance_loans_disbursed_amount_total", loan.County.County));
    }

    [Fact]
    public async Task TheScrapeCarriesTheRuntimesMetersAndTheGrpcCallsDurations()
    {
        await LendingSetup.NewDisbursedLoanAsync(fixture, LoanFen, 10_000_000, 50_000_000);

        var text = await ScrapeUntilAsync(text => text.Contains("/microfinance.v1.LoanService/RecordDisbursement", StringComparison.Ordinal));

        Assert.Matches(@"(?m)^http_server_request_duration_seconds_bucket\{.*http_route=""/microfinance\.v1\.LoanService/RecordDisbursement""", text);
        Assert.Matches(@"(?m)^orleans_", text);
    }

    /// <summary>Scrapes until <paramref name="done"/> holds of the text: the exporter caches a scrape for a moment.</summary>
    private async Task<string> ScrapeUntilAsync(Func<string, bool> done)
    {
        using var web = new HttpClient { BaseAddress = new Uri(fixture.WebAddress) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var text = await web.GetStringAsync("/metrics", timeout.Token);
            if (done(text))
            {
                return text;
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    /// <summary>The value of <paramref name="metric"/>'s sample for <paramref name="county"/>, or null without one.</summary>
    private static long? Sample(string text, string metric, string county)
    {
        var match = Regex.Match(text, $@"(?m)^{metric}\{{[^}}]*county=""{county}""[^}}]*\}} (?<value>[0-9.e+]+)");
        return match.Success ? (long)double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture) : null;
    }
}
