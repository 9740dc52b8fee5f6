using Microfinance.Domain.Finance;
using Microfinance.Grains.Common;

namespace Microfinance.Grains.Tests.Common;

public sealed class ReservationBookTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 16, 2, 0, 0, TimeSpan.Zero);
    private static readonly Money Amount = Money.FromYuan(10_000m);

    [Fact]
    public void AConfirmedLoanIsFoldedIntoTheTotalAndLeavesNoEntry()
    {
        var book = new ReservationBook();
        book.Reserve("L1", Amount, Now.AddDays(1), _ => { });

        var changed = book.Confirm("L1");

        Assert.True(changed);
        Assert.Empty(book.Entries);
        Assert.Equal(Amount, book.Committed);
    }

    [Fact]
    public void ConfirmingAgainChangesNothing()
    {
        var book = new ReservationBook();
        book.Reserve("L1", Amount, Now.AddDays(1), _ => { });
        book.Confirm("L1");

        var changed = book.Confirm("L1");

        Assert.False(changed);
        Assert.Equal(Amount, book.Confirmed);
    }

    [Fact]
    public void AHouseholdBookKeepsItsConfirmedLoansListed()
    {
        var book = new ReservationBook { KeepsConfirmedEntries = true };
        book.Reserve("L1", Amount, Now.AddDays(1), _ => { });

        book.Confirm("L1");

        Assert.True(Assert.Single(book.Entries).Value.Confirmed);
        Assert.Equal(Amount, book.Confirmed);
    }

    [Fact]
    public void ALapsedReservationGoesOnCountingUntilItsLoanSettlesIt()
    {
        var book = new ReservationBook();
        book.Reserve("L1", Amount, Now.AddDays(1), _ => { });
        var later = Now.AddDays(2);

        book.Reserve("L2", Amount, later.AddDays(1), committed => Assert.Equal(Amount, committed));

        Assert.Equal(["L1"], book.Lapsed(later));
        Assert.Equal(Amount + Amount, book.Reserved);
    }

    [Fact]
    public void AReleasedReservationFreesItsRoom()
    {
        var book = new ReservationBook();
        book.Reserve("L1", Amount, Now.AddDays(1), _ => { });

        var released = book.Release("L1");

        Assert.True(released);
        Assert.Equal(Money.Zero, book.Committed);
    }
}
