using System.Globalization;

namespace Microfinance.Bench;

/// <summary>
/// The last lines of <c>origination</c>: each measurement's figures, the one-county figures
/// beside the many-county ones of the same transport with their ratio, and ours beside the SQL peer.
/// </summary>
public static class OriginationSummary
{
    public static void Print(IReadOnlyList<BenchOutcome> outcomes, double? peer)
    {
        Console.WriteLine();
        Console.WriteLine("=== summary ===");
        foreach (var transport in outcomes.GroupBy(outcome => outcome.Transport))
        {
            foreach (var outcome in transport)
            {
                Console.WriteLine($"ours ({outcome.Transport}, {outcome.Counties}): "
                    + Figures(outcome, perSecond => $"{perSecond:F1}/s")
                    + (outcome.Consistent ? "" : "  [CONSISTENCY CHECK FAILED]"));
            }

            var many = transport.FirstOrDefault(outcome => outcome.Shape == OriginationShape.ManyCounties);
            var one = transport.FirstOrDefault(outcome => outcome.Shape == OriginationShape.OneCounty);
            if (many is not null && one is not null)
            {
                // How much a county bank's day loses to the load falling on one county's grains.
                Console.WriteLine($"ratio one-county/many-county ({transport.Key}): " + Join(
                    Ratio("full origination", one.FullPerSecond, many.FullPerSecond),
                    Ratio("approve+disburse only", one.StagePerSecond, many.StagePerSecond)));
            }
        }

        if (peer is { } peerPerSecond)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sql-peer disburse/s: {peerPerSecond:F0} (one ACID transaction per disbursement, same server)"));
            foreach (var outcome in outcomes)
            {
                Console.WriteLine($"ratio ours/peer ({outcome.Transport}, {outcome.Counties}): "
                    + Figures(outcome, perSecond => Format(perSecond / peerPerSecond)));
            }
        }
        else
        {
            Console.WriteLine("sql-peer: not given (bench/run-origination.sh measures it in the same run and passes --peer N)");
        }
    }

    /// <summary>"full origination …, approve+disburse only …", each figure the measurement has, as <paramref name="show"/> puts it.</summary>
    private static string Figures(BenchOutcome outcome, Func<double, string> show) => Join(
        outcome.FullPerSecond is { } full ? $"full origination {show(full)}" : null,
        outcome.StagePerSecond is { } stage ? $"approve+disburse only {show(stage)}" : null);

    private static string? Ratio(string figure, double? ours, double? other) =>
        ours is { } value && other is { } baseline ? $"{figure} {(baseline > 0 ? Format(value / baseline) : "n/a")}" : null;

    private static string Join(params string?[] parts) => string.Join(", ", parts.OfType<string>());

    private static string Format(double ratio) => ratio.ToString("F3", CultureInfo.InvariantCulture);
}
