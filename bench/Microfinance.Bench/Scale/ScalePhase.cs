using System.Globalization;
using Grpc.Core;

namespace Microfinance.Bench.Scale;

/// <summary>One phase of the scenario: how long it ran, with how many silos, and what the load got done.</summary>
/// <param name="SiloCpuSeconds">CPU the silo processes used in it, all together.</param>
public sealed record ScalePhase(
    string Name, int Silos, TimeSpan Span, int Acknowledged, IReadOnlyDictionary<StatusCode, int> Retries, double SiloCpuSeconds)
{
    public double PerSecond => Acknowledged / Span.TotalSeconds;

    public override string ToString()
    {
        var retries = Retries.Count == 0 ? "none" : string.Join(", ", Retries.OrderBy(entry => entry.Key).Select(entry => $"{entry.Value} {entry.Key}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{Name,-44} {Silos} silos {Span.TotalSeconds,6:F1} s {Acknowledged,7:N0} loans {PerSecond,8:F1}/s   silos' CPU {SiloCpuSeconds / Span.TotalSeconds:F2} cores   retried: {retries}");
    }
}
