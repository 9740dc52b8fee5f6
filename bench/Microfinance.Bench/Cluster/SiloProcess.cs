using System.Diagnostics;
using Microfinance.Bench.Platforms;

namespace Microfinance.Bench.Cluster;

/// <summary>
/// One silo as its own process: the published host (<c>dotnet Microfinance.Silo.dll</c>), PostgreSQL
/// profile, on free loopback ports, configured through the environment as the Helm chart configures a
/// pod. Its console log goes to a file of its own.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StreamWriter _log;

    private SiloProcess(int number, Process process, StreamWriter log, int grpcPort, int webPort, int siloPort)
    {
        Number = number;
        _process = process;
        _log = log;
        GrpcPort = grpcPort;
        WebPort = webPort;
        SiloPort = siloPort;
    }

    /// <summary>1 for the first silo started, and so on.</summary>
    public int Number { get; }

    public int GrpcPort { get; }

    public int WebPort { get; }

    public int SiloPort { get; }

    /// <summary>The silo's address as the operators' console takes it: <c>host:port</c>.</summary>
    public string Endpoint => $"127.0.0.1:{SiloPort}";

    public string Name => $"silo {Number} ({Endpoint})";

    public bool Exited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>CPU the process has used so far; once it exited, as last read while it ran.</summary>
    public TimeSpan Cpu
    {
        get
        {
            try
            {
                _process.Refresh();
                return _lastCpu = _process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                return _lastCpu;
            }
        }
    }

    /// <summary>Its resident memory now, in bytes; 0 once it exited.</summary>
    public long ResidentBytes
    {
        get
        {
            if (_process.HasExited)
            {
                return 0;
            }

            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    private TimeSpan _lastCpu;

    /// <param name="silo">The published host's directory.</param>
    /// <param name="environment">The deployment's settings every silo shares.</param>
    public static SiloProcess Start(int number, string silo, IReadOnlyDictionary<string, string> environment, string logDirectory)
    {
        var (grpcPort, webPort, siloPort, gatewayPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());
        var start = new ProcessStartInfo("dotnet", [Path.Combine(silo, "Microfinance.Silo.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = silo,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["Microfinance__GrpcPort"] = grpcPort.ToString();
        start.Environment["Microfinance__WebPort"] = webPort.ToString();
        start.Environment["Microfinance__SiloPort"] = siloPort.ToString();
        start.Environment["Microfinance__GatewayPort"] = gatewayPort.ToString();

        var log = new StreamWriter(Path.Combine(logDirectory, $"silo-{number}.log")) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Write(log, line.Data);
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloProcess(number, process, log, grpcPort, webPort, siloPort);
    }

    /// <summary>Waits until the host answers its readiness probe: the silo is active and the API mapped.</summary>
    public async Task WaitReadyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(deadline) < ReadyWithin)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready; see its log.");
            }

            try
            {
                using var answer = await http.GetAsync($"http://127.0.0.1:{WebPort}/readyz", ct);
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // The probe timed out while the silo starts.
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"{Name} was not ready within {ReadyWithin.TotalSeconds:F0} s; see its log.");
    }

    /// <summary><c>kill -9</c>: the process dies at once, without leaving the cluster.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Waits for the process to exit; false if it still runs after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}
