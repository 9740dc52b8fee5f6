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
                var stage = outcome.StagePerSecond is { } perSecond ? $", approve+disburse only {perSecond:F1}/s" : "";
                Console.WriteLine($"ours ({outcome.Transport}, {outcome.Counties}): full origination {outcome.FullPerSecond:F1} disbursements/s{stage}"
                    + (outcome.Consistent ? "" : "  [CONSISTENCY CHECK FAILED]"));
            }

            var many = transport.FirstOrDefault(outcome => outcome.Shape == OriginationShape.ManyCounties);
            var one = transport.FirstOrDefault(outcome => outcome.Shape == OriginationShape.OneCounty);
            if (many is not null && one is not null)
            {
                // How much a county bank's day loses to the load falling on one county's grains.
                var stage = one.StagePerSecond is { } oneStage && many.StagePerSecond is { } manyStage
                    ? $", approve+disburse only {Ratio(oneStage, manyStage)}"
                    : "";
                Console.WriteLine($"ratio one-county/many-county ({transport.Key}): full origination {Ratio(one.FullPerSecond, many.FullPerSecond)}{stage}");
            }
        }

        if (peer is { } peerPerSecond)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sql-peer disburse/s: {peerPerSecond:F0} (one ACID transaction per disbursement, same server)"));
            foreach (var outcome in outcomes)
            {
                var stage = outcome.StagePerSecond is { } perSecond ? $", approve+disburse only {Ratio(perSecond, peerPerSecond)}" : "";
                Console.WriteLine($"ratio ours/peer ({outcome.Transport}, {outcome.Counties}): full origination {Ratio(outcome.FullPerSecond, peerPerSecond)}{stage}");
            }
        }
        else
        {
            Console.WriteLine("sql-peer: not given (bench/run-origination.sh measures it in the same run and passes --peer N)");
        }
    }

    private static string Ratio(double ours, double other) =>
        other > 0 ? (ours / other).ToString("F3", CultureInfo.InvariantCulture) : "n/a";
}
