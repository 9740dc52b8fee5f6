using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Households;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;
using Microfinance.Domain.Policies;

namespace Microfinance.Bench.Setup;

/// <summary>
/// Registers households through the grains, spread round-robin over the villages taking the
/// counties in turn, so that workers lending to neighbouring households lend in every county: registered poor,
/// ordinary labour, heads aged 30–60 with valid GB 11643 resident ids, each unique.
/// </summary>
public sealed class HouseholdRegistrar(IGrainFactory grains, ProvinceLayout layout)
{
    private static readonly DateOnly EarliestBirth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-60);
    private const int BirthDays = 30 * 365;

    /// <summary>The "5321" household cap every household starts with.</summary>
    public static readonly long CapFen = CountyPolicy.Default5321(new DateOnly(2020, 1, 1)).HouseholdCap.Fen;

    private int _next = -1;

    /// <summary>Households registered so far.</summary>
    public int Registered => Volatile.Read(ref _next) + 1;

    public async Task<BenchHousehold> RegisterAsync()
    {
        var n = Interlocked.Increment(ref _next);
        var village = layout.VillagesAcrossCounties[n % layout.Villages.Count];
        var ordinal = n / layout.Villages.Count;
        var registryNumber = $"{village.Value}-{ordinal + 1:0000}";
        // Alternating across neighbouring villages and within each village, so both banks lend everywhere.
        var bank = ProvinceLayout.Banks[(n + ordinal) % ProvinceLayout.Banks.Count].Code;
        var profile = new HouseholdProfile(
            $"户主{n}",
            ResidentIdOf(village.County.ShortForm, n),
            [],
            HouseholdCategory.RegisteredPoor,
            LaborCapacity.Ordinary,
            StarRating: 3);
        await grains.Get<IHouseholdGrain>(registryNumber).RegisterAsync(village, profile, $"register-{registryNumber}");
        return new BenchHousehold(registryNumber, village.Value, bank, CapFen);
    }

    /// <summary>A resident id unique per <paramref name="n"/>: birth date and sequence code both derive from it.</summary>
    private static ResidentId ResidentIdOf(string addressCode, int n)
    {
        var born = EarliestBirth.AddDays(n % BirthDays);
        return ResidentId.Compose(addressCode, born, n / BirthDays % 1000);
    }
}
