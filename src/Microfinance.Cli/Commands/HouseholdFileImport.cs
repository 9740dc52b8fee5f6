using System.CommandLine;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Microfinance.Api.V1;
using Spectre.Console;

namespace Microfinance.Cli.Commands;

/// <summary>
/// Streams a household export to <c>HouseholdService/ImportHouseholds</c> with a progress bar,
/// writes the refused rows to a report and prints the counts.
/// </summary>
internal sealed class HouseholdFileImport(HouseholdService.HouseholdServiceClient households)
{
    private const int ChunkBytes = 256 * 1024;

    public async Task<int> RunAsync(FileInfo file, FileEncoding encoding, FileInfo report, InvocationConfiguration invocation, CancellationToken ct)
    {
        if (!file.Exists)
        {
            invocation.Error.WriteLine($"microfinance import households: no file {file.FullName}");
            return ExitCodes.Failure;
        }

        var terminal = Terminal.For(invocation);
        var rejections = new List<ImportRejection>();
        ImportProgress? summary = null;
        try
        {
            await terminal.Progress().StartAsync(async progress =>
            {
                var sending = progress.AddTask("sending", maxValue: Math.Max(1, file.Length));
                var rows = progress.AddTask("rows", maxValue: 1, autoStart: true);
                rows.IsIndeterminate = true;
                using var call = households.ImportHouseholds(cancellationToken: ct);
                var reading = Task.Run(async () =>
                {
                    await foreach (var response in call.ResponseStream.ReadAllAsync(ct))
                    {
                        switch (response.EventCase)
                        {
                            case ImportHouseholdsResponse.EventOneofCase.Rejection:
                                rejections.Add(response.Rejection);
                                break;
                            case ImportHouseholdsResponse.EventOneofCase.Progress:
                                rows.Description = Describe(response.Progress);
                                break;
                            case ImportHouseholdsResponse.EventOneofCase.Summary:
                                summary = response.Summary;
                                rows.Description = Describe(response.Summary);
                                break;
                        }
                    }
                }, ct);

                try
                {
                    await SendAsync(file, encoding, call.RequestStream, sending, ct);
                }
                catch (InvalidOperationException)
                {
                    // The server ended the call while the file was on its way: reading throws its status.
                }

                await reading;
                rows.IsIndeterminate = false;
                rows.Value = rows.MaxValue;
            });
        }
        catch (RpcException refused)
        {
            invocation.Error.WriteLine($"microfinance import households: {refused.StatusCode}: {refused.Status.Detail}");
            return ExitCodes.Failure;
        }

        await WriteReportAsync(report, rejections, ct);
        var counts = new Table().AddColumns("rows read", "registered", "already registered", "refused")
            .AddRow(summary!.RowsRead.ToString("N0", CultureInfo.InvariantCulture), summary.Registered.ToString("N0", CultureInfo.InvariantCulture),
                summary.AlreadyRegistered.ToString("N0", CultureInfo.InvariantCulture), summary.Rejected.ToString("N0", CultureInfo.InvariantCulture));
        terminal.Write(counts);
        if (rejections.Count > 0)
        {
            invocation.Output.WriteLine($"refused rows: {report.FullName}");
        }

        return summary.Rejected == 0 ? ExitCodes.Ok : ExitCodes.RowsRefused;
    }

    private static async Task SendAsync(
        FileInfo file, FileEncoding encoding, IClientStreamWriter<ImportHouseholdsRequest> requests, ProgressTask sending, CancellationToken ct)
    {
        await using var stream = file.OpenRead();
        var buffer = new byte[ChunkBytes];
        var first = true;
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            await requests.WriteAsync(new ImportHouseholdsRequest
            {
                Chunk = ByteString.CopyFrom(buffer, 0, read),
                Encoding = first ? encoding : FileEncoding.Unspecified,
            }, ct);
            first = false;
            sending.Increment(read);
        }

        await requests.CompleteAsync();
    }

    private static string Describe(ImportProgress progress) => string.Create(CultureInfo.InvariantCulture,
        $"rows {progress.RowsRead:N0}: {progress.Registered:N0} registered, {progress.AlreadyRegistered:N0} already, {progress.Rejected:N0} refused");

    /// <summary>The refused rows in row order, with a BOM so that spreadsheet programs show the Chinese.</summary>
    private static async Task WriteReportAsync(FileInfo report, List<ImportRejection> rejections, CancellationToken ct)
    {
        if (rejections.Count == 0)
        {
            return;
        }

        // CRLF line ends, as RFC 4180 and spreadsheet programs have them.
        await using var writer = new StreamWriter(report.FullName, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\r\n" };
        await writer.WriteLineAsync("行号,档案编号,列,原因,说明");
        foreach (var rejection in rejections.OrderBy(rejection => rejection.Row))
        {
            await writer.WriteLineAsync(string.Join(",",
                rejection.Row.ToString(CultureInfo.InvariantCulture), Quote(rejection.Key), Quote(rejection.Column), rejection.Reason, Quote(rejection.Message)).AsMemory(), ct);
        }
    }

    private static string Quote(string cell) => $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
