using System.CommandLine;
using System.Text;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Microfinance.Cli.Commands;
using Microfinance.Silo.Security;

namespace Microfinance.Api.Tests.Cli;

/// <summary><c>microfinance import households</c> against the real host: a GBK export streamed, the refused rows written to a report.</summary>
[Collection(ApiCollection.Name)]
public sealed class ImportHouseholdsCliTests(ApiFixture fixture) : IDisposable
{
    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("mf-import-");

    [Fact]
    public async Task TheCliImportsAGbkExportAndReportsTheRefusedRowInAFileSpreadsheetsRead()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, 10_000_000, 50_000_000);
        var good = new[] { HouseholdExport.NewHousehold(county.Village), HouseholdExport.NewHousehold(county.Village) };
        var bad = HouseholdExport.Row(HouseholdExport.NewHousehold(county.Village)).Replace("普通劳动力", "很强", StringComparison.Ordinal);
        var file = Path.Combine(_files.FullName, "农户档案.csv");
        await File.WriteAllBytesAsync(file, HouseholdExport.Gbk(HouseholdExport.File(HouseholdExport.Row(good[0]), bad, HouseholdExport.Row(good[1]))));
        var token = fixture.Tokens.Issue("county-office", Role.CountyOfficer, [county.County]);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await MicrofinanceCli.Create()
            .Parse(["import", "households", file, "--server", fixture.GrpcAddress, "--token", token])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal((ExitCodes.RowsRefused, ""), (exit, error.ToString()));
        var report = await File.ReadAllBytesAsync(file + ".rejected.csv");
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), report[..3]);
        var lines = Encoding.UTF8.GetString(report[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("行号,档案编号,列,原因,说明", lines[0]);
        Assert.StartsWith("3,", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"劳动能力\",INVALID_FIELD", lines[1], StringComparison.Ordinal);
        var listed = await new HouseholdService.HouseholdServiceClient(fixture.Channel)
            .ListHouseholdsAsync(new ListHouseholdsRequest { VillageCode = county.Village, PageSize = 50 });
        Assert.Equal(good.Select(household => household.RegistryNumber).Order(StringComparer.Ordinal), listed.Households.Select(household => household.RegistryNumber));
    }

    public void Dispose() => _files.Delete(recursive: true);
}
