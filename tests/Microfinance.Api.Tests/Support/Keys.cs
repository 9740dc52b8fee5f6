using Microfinance.Domain.Identity;

namespace Microfinance.Api.Tests.Support;

/// <summary>Fresh keys per test, away from the demo province (53).</summary>
public static class Keys
{
    private static int _next = Random.Shared.Next(100, 900) * 1000;

    /// <summary>A county code under province 45 that no other test uses.</summary>
    public static string NewCounty()
    {
        var n = Interlocked.Increment(ref _next);
        return $"45{n % 99 + 1:00}{n / 99 % 99 + 1:00}";
    }

    public static string NewRegistryNumber() => $"API-{Guid.NewGuid():N}"[..24].ToUpperInvariant();

    public static string NewRequestId() => Guid.NewGuid().ToString();

    /// <summary>A valid resident id, born on <paramref name="birthDate"/> when given, unique per call.</summary>
    public static string NewResidentId(DateOnly? birthDate = null)
    {
        var n = Interlocked.Increment(ref _next);
        var born = birthDate ?? new DateOnly(1960, 1, 1).AddDays(n % 15000);
        return ResidentId.Compose($"45{n / 1000 % 9000 + 1000}", born, n % 1000).Value;
    }
}
