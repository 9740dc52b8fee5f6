using Microfinance.Bench;
using Microfinance.Bench.DayClose;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

switch (args)
{
    case ["origination", .. var rest]:
        return await OriginationCommand.RunAsync(rest, cancellation.Token);
    case ["dayclose", .. var rest]:
        return await DayCloseCommand.RunAsync(rest, cancellation.Token);
    default:
        Console.Error.WriteLine(BenchOptions.Usage);
        Console.Error.WriteLine(DayCloseOptions.Usage);
        return 2;
}
