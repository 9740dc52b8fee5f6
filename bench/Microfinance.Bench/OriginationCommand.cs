namespace Microfinance.Bench;

/// <summary><c>origination</c>: each transport in each shape measured in turn, then the summary beside the SQL peer.</summary>
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
            foreach (var shape in options.Shapes)
            {
                try
                {
                    outcomes.Add(await new OriginationBenchmark(options, transport, shape).RunAsync(ct));
                }
                catch (NotSupportedException exception)
                {
                    // The transport is missing, so every shape would be skipped alike.
                    Console.WriteLine($"skipped {transport}: {exception.Message}");
                    break;
                }
            }
        }

        OriginationSummary.Print(outcomes, options.Peer);
        return outcomes.All(outcome => outcome.Consistent) && outcomes.Count > 0 ? 0 : 1;
    }
}
