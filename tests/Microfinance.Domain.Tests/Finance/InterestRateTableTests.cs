using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Tests.Finance;

public sealed class InterestRateTableTests
{
    // Each row hand-checked against the PBOC announcements and the monthly LPR fixings.
    [Theory]
    [InlineData(InterestSource.Lpr, "2024-11-01", 12, 310)]
    [InlineData(InterestSource.Lpr, "2024-11-01", 36, 360)]
    [InlineData(InterestSource.Lpr, "2024-11-01", 1, 310)]
    [InlineData(InterestSource.Lpr, "2024-11-01", 13, 360)]
    [InlineData(InterestSource.Lpr, "2024-11-01", 120, 360)]
    [InlineData(InterestSource.Lpr, "2019-08-20", 12, 425)]
    [InlineData(InterestSource.Lpr, "2024-10-20", 12, 335)]
    [InlineData(InterestSource.Lpr, "2024-10-21", 12, 310)]
    [InlineData(InterestSource.Lpr, "2026-01-15", 36, 350)]
    [InlineData(InterestSource.Benchmark, "2018-03-01", 36, 475)]
    [InlineData(InterestSource.Benchmark, "2018-03-01", 12, 435)]
    [InlineData(InterestSource.Benchmark, "2018-03-01", 60, 475)]
    [InlineData(InterestSource.Benchmark, "2018-03-01", 61, 490)]
    [InlineData(InterestSource.Benchmark, "2015-09-01", 36, 500)]
    [InlineData(InterestSource.Benchmark, "2015-10-24", 12, 435)]
    public void DefaultTableGivesThePublishedRateForTheDateAndTermBand(
        InterestSource source, string contractDate, int termMonths, int expectedBasisPoints)
    {
        var date = DateOnly.Parse(contractDate, System.Globalization.CultureInfo.InvariantCulture);

        var rate = InterestRateTable.Default.ReferenceRate(source, date, termMonths);

        Assert.Equal(new InterestRate(expectedBasisPoints), rate);
    }

    [Fact]
    public void LprBeforeItsFirstFixingHasNoReferenceRate()
    {
        var table = InterestRateTable.Default;

        var exception = Assert.Throws<RuleViolationException>(
            () => table.ReferenceRate(InterestSource.Lpr, new DateOnly(2019, 8, 19), 12));

        Assert.Equal("NO_REFERENCE_RATE", exception.Reason);
    }

    [Fact]
    public void BenchmarkBeforeTheFirstEntryHasNoReferenceRate()
    {
        var table = InterestRateTable.Default;

        var exception = Assert.Throws<RuleViolationException>(
            () => table.ReferenceRate(InterestSource.Benchmark, new DateOnly(2015, 8, 25), 12));

        Assert.Equal("NO_REFERENCE_RATE", exception.Reason);
    }

    [Fact]
    public void CustomEntriesAreUsedWhateverTheirOrder()
    {
        var table = new InterestRateTable(
        [
            ReferenceRateEntry.Lpr(new DateOnly(2030, 6, 1), 250, 300),
            ReferenceRateEntry.Lpr(new DateOnly(2030, 1, 1), 275, 325),
        ]);

        var rate = table.ReferenceRate(InterestSource.Lpr, new DateOnly(2030, 3, 1), 24);

        Assert.Equal(new InterestRate(325), rate);
    }

    [Fact]
    public void CustomTableWithoutASourceHasNoReferenceRateForIt()
    {
        var table = new InterestRateTable([ReferenceRateEntry.Lpr(new DateOnly(2030, 1, 1), 275, 325)]);

        var exception = Assert.Throws<RuleViolationException>(
            () => table.ReferenceRate(InterestSource.Benchmark, new DateOnly(2030, 3, 1), 12));

        Assert.Equal("NO_REFERENCE_RATE", exception.Reason);
    }

    [Fact]
    public void TwoEntriesForTheSameSourceAndDateAreRejected()
    {
        var date = new DateOnly(2030, 1, 1);

        Assert.Throws<ArgumentException>(
            () => new InterestRateTable([ReferenceRateEntry.Lpr(date, 275, 325), ReferenceRateEntry.Lpr(date, 250, 300)]));
    }

    [Fact]
    public void TermShorterThanOneMonthIsRejected()
    {
        var table = InterestRateTable.Default;

        Assert.Throws<ArgumentOutOfRangeException>(
            () => table.ReferenceRate(InterestSource.Lpr, new DateOnly(2024, 11, 1), 0));
    }
}
