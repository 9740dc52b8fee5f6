using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;
using Microfinance.Grains.Servicing;
using Microfinance.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Microfinance.Grains.Tests.Servicing;

[Collection(ClusterCollection.Name)]
public sealed class LoanBookStateConverterTests(ClusterFixture fixture)
{
    private Serializer Serializer => fixture.Client.ServiceProvider.GetRequiredService<Serializer>();

    [Fact]
    public void APageComesBackFromStorageAsItWasStored()
    {
        var page = new LoanBookState
        {
            Revision = 41,
            Loans = new SortedDictionary<string, LoanBookEntry>(StringComparer.Ordinal)
            {
                ["BL-5301-0001"] = new(3, new TallyContribution(OverdueBucket.Current, new Money(800_000), new Money(800_000)), new DateOnly(2027, 3, 20)),
                ["BL-5301-0002"] = new(7, new TallyContribution(OverdueBucket.Days31To60, new Money(5_000_000), new Money(3_000_000)), null),
                ["BL-5301-00021"] = new(1, null, new DateOnly(2026, 12, 2)),
                ["BL-5301-0003"] = new(9, null, null),
                ["贷-😀-1"] = new(2, new TallyContribution(OverdueBucket.Over90, Money.Zero, Money.Zero), null),
                ["贷-😁-1"] = new(int.MaxValue, new TallyContribution(OverdueBucket.Days1To30, new Money(long.MaxValue), new Money(1)), DateOnly.MaxValue),
            },
        };

        var stored = Stored(page);

        Assert.Equal(41, stored.Revision);
        Assert.Equal(page.Loans.OrderBy(pair => pair.Key, StringComparer.Ordinal), stored.Loans.OrderBy(pair => pair.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void ABusyVillagesPageStaysWellUnder16KB()
    {
        var page = new LoanBookState();
        for (var i = 0; i < 500; i++)
        {
            var principal = new Money(100_000 + i * 1_777);
            page.Loans[$"BL-5301-2026-{i:D6}"] = new(2, new TallyContribution(OverdueBucket.Current, principal, principal), new DateOnly(2027, 1, 5).AddDays(i % 30));
        }

        var bytes = Serializer.SerializeToArray(page);

        Assert.InRange(bytes.Length, 1, 16 * 1024 / 2);
        Assert.Equal(page.Loans, Stored(page).Loans);
    }

    [Fact]
    public void AnEmptyPageStaysEmpty()
    {
        var stored = Stored(new LoanBookState());

        Assert.Empty(stored.Loans);
        Assert.Equal(0, stored.Revision);
    }

    [Fact]
    public void APageStoredEntryByEntryBeforePackingIsRead()
    {
        var entry = new LoanBookEntry(4, new TallyContribution(OverdueBucket.Current, new Money(100_000), new Money(100_000)), new DateOnly(2027, 1, 5));
        var before = new LoanBookStateSurrogate { Loans = new() { ["BL-1"] = entry }, Revision = 4 };

        var stored = Stored(before);

        Assert.Equal(4, stored.Revision);
        Assert.Equal(entry, stored.Loans["BL-1"]);
    }

    /// <summary>Writes <paramref name="value"/> as storage does and reads it back as a page.</summary>
    private LoanBookState Stored<T>(T value) =>
        Assert.IsType<LoanBookState>(Serializer.Deserialize<LoanBookState>(Serializer.SerializeToArray(value)));
}
