using System.CommandLine;

namespace Microfinance.Bench.Province;

/// <summary><c>province</c>: loads a province at full size into a silo process (bench/run-province.sh publishes the host and runs it).</summary>
public static class ProvinceCommand
{
    public static RootCommand Create()
    {
        var silo = new Option<string>("--silo") { Description = "Directory of the published host", Required = true };
        var counties = new Option<int>("--counties") { Description = "Counties", DefaultValueFactory = _ => 129 };
        var townships = new Option<int>("--townships") { Description = "Townships per county", DefaultValueFactory = _ => 11 };
        var villages = new Option<int>("--villages") { Description = "Villages per township", DefaultValueFactory = _ => 10 };
        var households = new Option<int>("--households") { Description = "Households in all", DefaultValueFactory = _ => 1_500_000 };
        var loans = new Option<int>("--loans") { Description = "Existing loans imported", DefaultValueFactory = _ => 300_000 };
        var parallel = new Option<int>("--parallel-villages") { Description = "Villages importing at once", DefaultValueFactory = _ => 16 };
        var logs = new Option<string>("--logs")
        {
            Description = "Directory of the silo's log",
            DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), $"mf-province-{DateTime.UtcNow:yyyyMMdd-HHmmss}"),
        };
        var keep = new Option<bool>("--keep-database") { Description = "Keep the database afterwards, to look at it" };
        var command = new RootCommand("A province at full size loaded in bulk into one silo process on PostgreSQL, with its memory measured.")
        {
            silo, counties, townships, villages, households, loans, parallel, logs, keep,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(villages) * result.GetValue(townships) > SyntheticRegistry.MaxVillagesPerCounty)
            {
                result.AddError($"At most {SyntheticRegistry.MaxVillagesPerCounty} villages per county.");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            var settings = new ProvinceSettings(
                Path.GetFullPath(parse.GetRequiredValue(silo)),
                parse.GetValue(counties),
                parse.GetValue(townships),
                parse.GetValue(villages),
                parse.GetValue(households),
                parse.GetValue(loans),
                parse.GetValue(parallel),
                BenchOptions.AdminConnectionFromEnvironment(),
                parse.GetValue(keep),
                parse.GetRequiredValue(logs));
            return await new ProvinceLoad(settings).RunAsync(ct) ? 0 : 1;
        });
        return command;
    }
}
