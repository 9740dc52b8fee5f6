namespace Microfinance.Api.Tests.Support;

/// <summary>Fresh keys per test, away from the demo province (53).</summary>
public static class Keys
{
    private static readonly int[] ResidentIdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
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
        var first17 = $"45{n / 1000 % 9000 + 1000}{born:yyyyMMdd}{n % 1000:000}";
        var sum = first17.Select((c, i) => (c - '0') * ResidentIdWeights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }
}
