using System.Diagnostics.Metrics;
using Microfinance.Abstractions.Compensation;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;
using Microfinance.Grains.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Microfinance.Grains.Tests.Metrics;

/// <summary>What the operators' gauges export from a reading, and that a withdrawn silo exports nothing.</summary>
public sealed class ProvinceGaugeMeterTests : IDisposable
{
    private static readonly AdminCode County = AdminCode.Parse("530124");

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ProvinceGaugeMeter _meter;

    public ProvinceGaugeMeterTests() => _meter = new ProvinceGaugeMeter(_services.GetRequiredService<IMeterFactory>());

    [Fact]
    public void AReadingIsExportedByCountyFundBucketAndStatus()
    {
        _meter.Publish([Reading()], DateTimeOffset.FromUnixTimeSeconds(1_790_000_000));

        var measured = Measure();

        Assert.Equal(1_790_000_000, measured[("microfinance.gauges.read", "")]);
        Assert.Equal(40_000_000, measured[("microfinance.quota.allocated", "county=530124000000")]);
        Assert.Equal(0.25, measured[("microfinance.quota.utilisation", "county=530124000000")]);
        Assert.Equal(7_000_000, measured[("microfinance.fund.committed", "bank=RCC,county=530124000000")]);
        Assert.Equal(7.0, measured[("microfinance.fund.leverage", "bank=RCC,county=530124000000")]);
        Assert.Equal(3_000_000, measured[("microfinance.fund.headroom", "bank=RCC,county=530124000000")]);
        Assert.Equal(2, measured[("microfinance.loans.outstanding", "bucket=Days31To60,county=530124000000")]);
        Assert.Equal(1_500_000, measured[("microfinance.loans.outstanding.amount", "bucket=Days31To60,county=530124000000")]);
        Assert.Equal(1, measured[("microfinance.claims", "county=530124000000,status=Filed")]);
        Assert.Equal(800_000, measured[("microfinance.claims.amount", "county=530124000000,status=Filed")]);
    }

    [Fact]
    public void AFundWithNothingInItHasNoLeverageButItsCommittedPrincipalIsShown()
    {
        var empty = Reading() with { Funds = [Fund(balanceFen: 0)] };
        _meter.Publish([empty], DateTimeOffset.UnixEpoch);

        var measured = Measure();

        Assert.DoesNotContain(measured.Keys, key => key.Name == "microfinance.fund.leverage");
        Assert.Equal(7_000_000, measured[("microfinance.fund.committed", "bank=RCC,county=530124000000")]);
    }

    [Fact]
    public void AWithdrawnMeterExportsNothing()
    {
        _meter.Publish([Reading()], DateTimeOffset.UnixEpoch);

        _meter.Withdraw();

        Assert.Empty(Measure());
    }

    public void Dispose() => _services.Dispose();

    private static CountyGauges Reading()
    {
        var loans = new Tally();
        loans.Loans[OverdueBucket.Current] = 10;
        loans.Principal[OverdueBucket.Current] = new Money(5_500_000);
        loans.Loans[OverdueBucket.Days31To60] = 2;
        loans.Principal[OverdueBucket.Days31To60] = new Money(1_500_000);
        return new CountyGauges(
            County,
            QuotaAllocated: new Money(40_000_000),
            QuotaReserved: new Money(3_000_000),
            QuotaUsed: new Money(7_000_000),
            Funds: [Fund(balanceFen: 1_000_000)],
            Loans: loans,
            Claims: [new ClaimStatusTally(ClaimStatus.Filed, 1, new Money(800_000)), new ClaimStatusTally(ClaimStatus.Verified, 0, Money.Zero)]);
    }

    private static FundPosition Fund(long balanceFen) => new(
        "530124-RCC", County, "RCC", "农信社", new Money(balanceFen), Outstanding: new Money(6_000_000), Reserved: new Money(1_000_000),
        LeverageMultiple: 10, LedgerEntries: 1);

    /// <summary>Every gauge of this meter's factory, by name and its tags in order, as a scrape would read them.</summary>
    private Dictionary<(string Name, string Tags), double> Measure()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        var measured = new Dictionary<(string, string), double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ProvinceGaugeMeter.Name && instrument.Meter.Scope == factory)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            measured[(instrument.Name, string.Join(",", tags.ToArray().OrderBy(tag => tag.Key).Select(tag => $"{tag.Key}={tag.Value}")))] = value;
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
        listener.RecordObservableInstruments();
        return measured;
    }
}
