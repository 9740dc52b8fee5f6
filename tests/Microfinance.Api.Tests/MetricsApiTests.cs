using System.Globalization;
using System.Text.RegularExpressions;
using Microfinance.Api.Tests.Support;

namespace Microfinance.Api.Tests;

/// <summary>The metrics scrape endpoint on the web port, as Prometheus reads it.</summary>
[Collection(MetricsApiCollection.Name)]
public sealed class MetricsApiTests(MetricsApiFixture fixture)
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
    public async Task TheGaugesShowTheCountysQuotaUseFundLeverageLoansByBucketAndClaims()
    {
        const long quotaFen = 10_000_000;
        const long fundFen = 50_000_000;
        var loan = await LendingSetup.NewDisbursedLoanAsync(fixture, LoanFen, quotaFen, fundFen);
        var county = loan.County.County;

        // The gauges are read every 2 s (MetricsApiFixture), not at the disbursement.
        var text = await ScrapeUntilAsync(text => Sample(text, "microfinance_quota_used", county) == LoanFen);

        Assert.Equal(quotaFen, Sample(text, "microfinance_quota_allocated", county));
        Assert.Equal(0, Sample(text, "microfinance_quota_reserved", county));
        Assert.Equal(0.3, Value(text, "microfinance_quota_utilisation", county));
        Assert.Equal(fundFen, Sample(text, "microfinance_fund_balance", county));
        Assert.Equal(LoanFen, Sample(text, "microfinance_fund_committed", county));
        Assert.Equal(0.06, Value(text, "microfinance_fund_leverage", county));
        Assert.Equal(10, Sample(text, "microfinance_fund_leverage_limit", county));
        Assert.Equal(10 * fundFen - LoanFen, Sample(text, "microfinance_fund_headroom", county));
        Assert.Equal(1, Sample(text, "microfinance_loans_outstanding", county, @"bucket=""Current"""));
        Assert.Equal(LoanFen, Sample(text, "microfinance_loans_outstanding_amount", county, @"bucket=""Current"""));
        Assert.Equal(0, Sample(text, "microfinance_claims", county, @"status=""Filed"""));
        Assert.Matches(@"(?m)^microfinance_gauges_read_seconds(\{[^}]*\})? [0-9.e+]+", text);
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
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

    /// <summary>
    /// The value of <paramref name="metric"/>'s sample for <paramref name="county"/> (and the label
    /// <paramref name="also"/>, if given), or null without one.
    /// </summary>
    private static long? Sample(string text, string metric, string county, string also = "") =>
        Value(text, metric, county, also) is { } value ? (long)value : null;

    private static double? Value(string text, string metric, string county, string also = "")
    {
        var match = Regex.Match(text, $@"(?m)^{metric}\{{(?=[^}}]*county=""{county}"")(?=[^}}]*{also})[^}}]*\}} (?<value>[0-9.e+-]+)");
        return match.Success ? double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture) : null;
    }
}
