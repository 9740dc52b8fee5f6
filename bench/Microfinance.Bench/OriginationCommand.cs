using System.Globalization;

namespace Microfinance.Bench;

/// <summary><c>origination</c>: each transport measured in turn, then the summary beside the SQL peer.</summary>
public static class OriginationCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (FormatException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        var outcomes = new List<BenchOutcome>();
        foreach (var transport in options.Transports)
        {
            try
            {
                outcomes.Add(await new OriginationBenchmark(options, transport).RunAsync(ct));
            }
            catch (NotSupportedException exception)
            {
                Console.WriteLine($"skipped {transport}: {exception.Message}");
            }
        }

        Console.WriteLine();
        Console.WriteLine("=== summary ===");
        foreach (var outcome in outcomes)
        {
            var stage = outcome.StagePerSecond is { } perSecond ? $", approve+disburse only {perSecond:F1}/s" : "";
            Console.WriteLine($"ours ({outcome.Transport}): full origination {outcome.FullPerSecond:F1} disbursements/s{stage}"
                + (outcome.Consistent ? "" : "  [CONSISTENCY CHECK FAILED]"));
        }

        if (options.Peer is { } peer)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sql-peer disburse/s: {peer:F0} (one ACID transaction per disbursement, same server)"));
            foreach (var outcome in outcomes)
            {
                var stage = outcome.StagePerSecond is { } perSecond ? $", approve+disburse only {perSecond / peer:F3}" : "";
                Console.WriteLine($"ratio ours/peer ({outcome.Transport}): full origination {outcome.FullPerSecond / peer:F3}{stage}");
            }
        }
        else
        {
            Console.WriteLine("sql-peer: not given (bench/run-origination.sh measures it in the same run and passes --peer N)");
        }

        return outcomes.All(outcome => outcome.Consistent) && outcomes.Count > 0 ? 0 : 1;
    }
}
