using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microfinance.Domain.Identity;
using Microsoft.Extensions.Logging;

namespace Microfinance.Testing.Logging;

/// <summary>
/// Reads every line the test run's hosts log — the formatted message and any exception with its
/// stack — for a full resident id, which must never be logged (个人信息保护法). A candidate is
/// 18 characters, 17 digits and a digit or X, and counts only if it is a valid id (check character
/// and birth date), so long numbers that merely look alike do not fail the run.
/// </summary>
/// <remarks>
/// <see cref="Instance"/> serves every host of the test process (<see cref="AddTo"/>), and every
/// fixture calls its <see cref="ThrowIfFound"/> once it has stopped its hosts, so whatever a host
/// logged is reported by a check after it. A scan of its own is for testing the scan.
/// </remarks>
public sealed partial class ResidentIdLogScan : ILoggerProvider
{
    private const int MaxLinesReported = 20;

    private readonly ConcurrentQueue<string> _found = new();

    /// <summary>The scan every test host logs to.</summary>
    public static ResidentIdLogScan Instance { get; } = new();

    /// <summary>
    /// Adds the scan to a host's logging, reading Information and above in every category, whatever
    /// the host's own filters say: production logs no lower, and Orleans' own warnings-only default
    /// would hide its information lines.
    /// </summary>
    public static void AddTo(ILoggingBuilder logging) =>
        logging.AddProvider(Instance).AddFilter<ResidentIdLogScan>(null, LogLevel.Information);

    /// <summary>Throws, listing the lines with their ids masked, if any line logged since the last check held a resident id.</summary>
    public void ThrowIfFound()
    {
        var lines = new List<string>();
        while (_found.TryDequeue(out var line))
        {
            lines.Add(line);
        }

        if (lines.Count > 0)
        {
            throw new InvalidOperationException(
                $"{lines.Count} log line(s) hold a full resident id (masked here):{Environment.NewLine}"
                + string.Join(Environment.NewLine, lines.Take(MaxLinesReported)));
        }
    }

    public ILogger CreateLogger(string categoryName) => new ScanningLogger(categoryName, this);

    // Every host of the process shares this instance: one host's disposal must not end the scan.
    public void Dispose()
    {
    }

    private void Read(string category, string text)
    {
        var masked = Candidate().Replace(
            text, match => ResidentId.TryParse(match.Value, out var id, out _) ? PersonalDataMask.ResidentId(id) : match.Value);
        if (masked != text)
        {
            _found.Enqueue($"{category}: {masked}");
        }
    }

    // Digits on either side make it part of a longer number, not an id.
    [GeneratedRegex("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")]
    private static partial Regex Candidate();

    private sealed class ScanningLogger(string category, ResidentIdLogScan scan) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            scan.Read(category, exception is null ? message : $"{message}{Environment.NewLine}{exception}");
        }
    }
}
