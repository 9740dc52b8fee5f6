using System.CommandLine;
using Microfinance.Api.V1;

namespace Microfinance.Cli.Commands;

/// <summary><c>microfinance import</c>: files brought onto the platform through its API.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var server = new ServerConnection();
        var file = new Argument<FileInfo>("file") { Description = "The poverty information system's household export (CSV; columns in the README)" };
        var encoding = new Option<string>("--encoding")
        {
            Description = "The file's encoding: auto (UTF-8 if it decodes as UTF-8, GBK otherwise), utf8 or gbk",
            DefaultValueFactory = _ => "auto",
        };
        encoding.AcceptOnlyFromAmong("auto", "utf8", "gbk");
        var rejections = new Option<FileInfo?>("--rejections")
        {
            Description = "Where the report of refused rows goes (CSV, UTF-8 with BOM; default: <file>.rejected.csv)",
        };
        var households = new Command("households", "Registers the households of a registry export; each refused row is reported with its row, column and reason.")
        {
            file, encoding, rejections, server.Server, server.Token,
        };
        households.SetAction(async (parse, ct) =>
        {
            var input = parse.GetRequiredValue(file);
            var report = parse.GetValue(rejections) ?? new FileInfo(input.FullName + ".rejected.csv");
            var declared = parse.GetRequiredValue(encoding) switch
            {
                "utf8" => FileEncoding.Utf8,
                "gbk" => FileEncoding.Gbk,
                _ => FileEncoding.Unspecified,
            };
            using var channel = server.Open(parse);
            return await new HouseholdFileImport(new HouseholdService.HouseholdServiceClient(channel))
                .RunAsync(input, declared, report, parse.InvocationConfiguration, ct);
        });

        return new Command("import", "Brings files onto the platform through its API.") { households };
    }
}
