using Microfinance.Domain.Identity;
using Microfinance.Domain.Regions;

namespace Microfinance.Grains.Tests.Support;

/// <summary>Fresh, valid keys for each test, so tests sharing a cluster never meet.</summary>
public static class TestKeys
{
    private static int _next = Random.Shared.Next(100, 900) * 1000;

    /// <summary>A county code under province 53 that no other test uses (codes 53xx01–53xx99).</summary>
    public static AdminCode NewCounty()
    {
        var n = Interlocked.Increment(ref _next);
        return AdminCode.Parse($"53{n % 99 + 1:00}{n / 99 % 99 + 1:00}");
    }

    public static AdminCode Township(AdminCode county, int number) => AdminCode.Parse($"{county.Value[..6]}{number:000}");

    public static AdminCode Village(AdminCode township, int number) => AdminCode.Parse($"{township.Value[..9]}{number:000}");

    public static string NewRegistryNumber() => $"T-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

    /// <summary>A valid resident id, born on <paramref name="birthDate"/> when given, unique per call.</summary>
    public static ResidentId NewResidentId(DateOnly? birthDate = null)
    {
        var n = Interlocked.Increment(ref _next);
        var born = birthDate ?? new DateOnly(1960, 1, 1).AddDays(n % 15000);
        return ResidentId.Compose($"53{n / 1000 % 9000 + 1000}", born, n % 1000);
    }

    /// <summary>A valid unified social credit code of a farmers' cooperative, unique per call.</summary>
    public static UnifiedSocialCreditCode NewCreditCode()
    {
        var n = Interlocked.Increment(ref _next);
        return UnifiedSocialCreditCode.Compose($"93530124MA{n % 10_000_000:0000000}");
    }
}
