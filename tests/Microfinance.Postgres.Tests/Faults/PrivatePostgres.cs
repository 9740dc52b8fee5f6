using System.Diagnostics;
using Microfinance.Testing.Hosting;
using Npgsql;

namespace Microfinance.Postgres.Tests.Faults;

/// <summary>
/// A PostgreSQL server of the test's own, in a temporary directory on a free port, that the test
/// may stop and start without disturbing the server the other tests share. It uses the binaries
/// of the installed PostgreSQL (Debian's <c>postgresql-15</c>), running them as the
/// <c>postgres</c> user when the tests run as root, since the server refuses to run as root.
/// Durability settings are the defaults: fsync and synchronous_commit on.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;
    private readonly int _port;

    private PrivatePostgres(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        _port = port;
    }

    /// <summary>The superuser's connection string (trust authentication on loopback).</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;SSL Mode=Disable";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(version => Path.Combine(version, "bin"))
            .Where(candidate => File.Exists(Path.Combine(candidate, "initdb")))
            .OrderByDescending(candidate => candidate, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new InvalidOperationException("No PostgreSQL binaries under /usr/lib/postgresql: install postgresql-15.");
        var directory = Path.Combine(Path.GetTempPath(), $"mf-pg-{Guid.NewGuid():N}");
        var server = new PrivatePostgres(bin, directory, FreePort.Next());
        await server.RunAsync("initdb", "-D", directory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale");
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Starts the server (again) and waits until it accepts connections.</summary>
    public async Task StartServerAsync()
    {
        await RunAsync(
            "pg_ctl", "-D", _directory, "-l", Path.Combine(_directory, "server.log"), "-w",
            "-o", $"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1", "start");
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
    }

    /// <summary>Stops the server at once, disconnecting every client (pg_ctl's fast mode).</summary>
    public Task StopServerAsync() => RunAsync("pg_ctl", "-D", _directory, "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopServerAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_directory, recursive: true);
    }

    private async Task RunAsync(string program, params string[] arguments)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(_bin, program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asRoot)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", Path.Combine(_bin, program) })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
