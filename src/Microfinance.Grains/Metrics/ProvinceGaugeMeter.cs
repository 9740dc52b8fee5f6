using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microfinance.Abstractions.Compensation;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Servicing;

namespace Microfinance.Grains.Metrics;

/// <summary>
/// The operators' gauges (<see cref="Name"/>): each county's quota use, each fund account's
/// leverage, loans by overdue bucket and claims by status, as last read. A silo exports them only
/// while the one <see cref="ProvinceGaugesGrain"/> is active on it, so a figure is never exported
/// twice; the silo exporting them may change when the grain moves. Amounts are in fen.
/// </summary>
public sealed class ProvinceGaugeMeter
{
    public const string Name = "Microfinance.Province";

    private volatile Reading? _reading;

    public ProvinceGaugeMeter(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        meter.CreateObservableGauge("microfinance.gauges.read", () => Each(reading => [new(reading.At.ToUnixTimeSeconds())]),
            "s", "When the gauges were read, in seconds since 1970: how stale they are.");

        meter.CreateObservableGauge("microfinance.quota.allocated", () => Counties(county => county.QuotaAllocated.Fen),
            "{fen}", "What the province allocated to the county.");
        meter.CreateObservableGauge("microfinance.quota.reserved", () => Counties(county => county.QuotaReserved.Fen),
            "{fen}", "Quota held within the county by approved, not yet disbursed loans.");
        meter.CreateObservableGauge("microfinance.quota.used", () => Counties(county => county.QuotaUsed.Fen),
            "{fen}", "Quota consumed within the county by disbursed loans.");
        meter.CreateObservableGauge("microfinance.quota.utilisation", QuotaUtilisation,
            "1", "Quota reserved and used within the county over its allocation; none without an allocation.");

        meter.CreateObservableGauge("microfinance.fund.balance", () => Funds(fund => fund.Balance.Fen),
            "{fen}", "The fund account's balance, the sum of its ledger.");
        meter.CreateObservableGauge("microfinance.fund.committed", () => Funds(fund => (fund.Outstanding + fund.Reserved).Fen),
            "{fen}", "Fund-backed principal outstanding and reserved.");
        meter.CreateObservableGauge("microfinance.fund.headroom", () => Funds(fund => fund.Headroom.Fen),
            "{fen}", "What new lending the fund can still back (第十三条).");
        meter.CreateObservableGauge("microfinance.fund.leverage", FundLeverage,
            "1", "Fund-backed principal outstanding and reserved over the balance; none while the balance is not positive.");
        meter.CreateObservableGauge("microfinance.fund.leverage.limit", () => Funds(fund => fund.LeverageMultiple),
            "1", "The multiple of its balance the fund may back, by the policy last applied.");

        meter.CreateObservableGauge("microfinance.loans.outstanding", () => Buckets(loans => loans.Loans.Select(entry => (entry.Key, (long)entry.Value))),
            "{loan}", "Loans outstanding by overdue bucket (current is not overdue), as of the county's last closed day.");
        meter.CreateObservableGauge("microfinance.loans.outstanding.amount", () => Buckets(loans => loans.Principal.Select(entry => (entry.Key, entry.Value.Fen))),
            "{fen}", "Principal outstanding by overdue bucket.");

        meter.CreateObservableGauge("microfinance.claims", () => Claims(claim => claim.Claims),
            "{claim}", "Compensation claims by status.");
        meter.CreateObservableGauge("microfinance.claims.amount", () => Claims(claim => claim.ClaimedLoss.Fen),
            "{fen}", "The loss the claims at each status were filed for.");
    }

    /// <summary>Exports <paramref name="counties"/> as read at <paramref name="at"/>, in place of the last reading.</summary>
    public void Publish(IReadOnlyList<CountyGauges> counties, DateTimeOffset at) => _reading = new Reading(counties, at);

    /// <summary>Stops exporting: the grain is leaving this silo.</summary>
    public void Withdraw() => _reading = null;

    private IEnumerable<Measurement<long>> Each(Func<Reading, IEnumerable<Measurement<long>>> measure) =>
        _reading is { } reading ? measure(reading) : [];

    private IEnumerable<Measurement<long>> Counties(Func<CountyGauges, long> value) =>
        Each(reading => reading.Counties.Select(county => new Measurement<long>(value(county), CountyTag(county))));

    private IEnumerable<Measurement<double>> QuotaUtilisation() =>
        (_reading?.Counties ?? [])
            .Where(county => county.QuotaAllocated.IsPositive)
            .Select(county => new Measurement<double>(
                (double)(county.QuotaReserved + county.QuotaUsed).Fen / county.QuotaAllocated.Fen, CountyTag(county)));

    private IEnumerable<Measurement<long>> Funds(Func<FundPosition, long> value) =>
        Each(reading => reading.Counties.SelectMany(county => county.Funds.Select(fund => new Measurement<long>(value(fund), FundTags(fund)))));

    private IEnumerable<Measurement<double>> FundLeverage() =>
        (_reading?.Counties ?? [])
            .SelectMany(county => county.Funds)
            .Where(fund => fund.Balance.IsPositive)
            .Select(fund => new Measurement<double>((double)(fund.Outstanding + fund.Reserved).Fen / fund.Balance.Fen, FundTags(fund)));

    private IEnumerable<Measurement<long>> Buckets(Func<Tally, IEnumerable<(OverdueBucket Bucket, long Value)>> values) =>
        Each(reading => reading.Counties.SelectMany(county => values(county.Loans).Select(entry =>
            new Measurement<long>(entry.Value, new TagList { { "county", county.County.Value }, { "bucket", entry.Bucket.ToString() } }))));

    private IEnumerable<Measurement<long>> Claims(Func<ClaimStatusTally, long> value) =>
        Each(reading => reading.Counties.SelectMany(county => county.Claims.Select(claim =>
            new Measurement<long>(value(claim), new TagList { { "county", county.County.Value }, { "status", claim.Status.ToString() } }))));

    private static TagList CountyTag(CountyGauges county) => new() { { "county", county.County.Value } };

    private static TagList FundTags(FundPosition fund) => new() { { "county", fund.County.Value }, { "bank", fund.BankCode } };

    private sealed record Reading(IReadOnlyList<CountyGauges> Counties, DateTimeOffset At);
}
