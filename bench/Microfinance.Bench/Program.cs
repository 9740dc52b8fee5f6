using Microfinance.Bench;
using Microfinance.Bench.DayClose;
using Microfinance.Bench.Import;
using Microfinance.Bench.Province;
using Microfinance.Bench.Scale;
using Microfinance.Bench.Storage;

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
    case ["storage", .. var rest]:
        return await StorageCommand.RunAsync(rest, cancellation.Token);
    case ["import", .. var rest]:
        return await ImportCommand.Create().Parse(rest).InvokeAsync(cancellationToken: cancellation.Token);
    case ["province", .. var rest]:
        return await ProvinceCommand.Create().Parse(rest).InvokeAsync(cancellationToken: cancellation.Token);
    case ["scale", .. var rest]:
        return await ScaleCommand.Create().Parse(rest).InvokeAsync(cancellationToken: cancellation.Token);
    default:
        Console.Error.WriteLine(BenchOptions.Usage);
        Console.Error.WriteLine(DayCloseOptions.Usage);
        Console.Error.WriteLine(StorageOptions.Usage);
        Console.Error.WriteLine("Usage: Microfinance.Bench scale --silo <dir> --cli <dir> [options] (see scale --help; bench/run-scale.sh)");
        Console.Error.WriteLine("Usage: Microfinance.Bench province --silo <dir> [options] (see province --help; bench/run-province.sh)");
        Console.Error.WriteLine("Usage: Microfinance.Bench import --silo <dir> --cli <dir> [options] (see import --help; bench/run-import.sh)");
        return 2;
}
