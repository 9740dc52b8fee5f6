using System.Globalization;
using Microfinance.Bench;

if (args is not ["origination", .. var rest])
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(rest);
}
catch (FormatException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var outcomes = new List<BenchOutcome>();
foreach (var transport in options.Transports)
{
    try
    {
        outcomes.Add(await new OriginationBenchmark(options, transport).RunAsync(cancellation.Token));
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
