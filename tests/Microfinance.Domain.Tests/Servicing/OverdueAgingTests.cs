using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Servicing;

public sealed class OverdueAgingTests
{
    private static readonly DateOnly DueDate = new(2024, 6, 15);

    [Theory]
    [InlineData("2024-06-10", 0)] // not yet due
    [InlineData("2024-06-15", 0)] // paying on the due date is on time
    [InlineData("2024-06-16", 1)] // the day after the due date is day 1
    [InlineData("2024-07-15", 30)] // 15 + 15
    [InlineData("2024-09-13", 90)] // 15 (June) + 31 + 31 + 13
    public void DaysPastDueCountFromTheDayAfterTheOldestUnpaidDueDate(string today, int expected)
    {
        var days = OverdueAging.DaysPastDue(DueDate, DateOnly.Parse(today));

        Assert.Equal(expected, days);
    }

    [Theory]
    [InlineData(0, OverdueBucket.Current)]
    [InlineData(1, OverdueBucket.Days1To30)]
    [InlineData(30, OverdueBucket.Days1To30)]
    [InlineData(31, OverdueBucket.Days31To60)]
    [InlineData(60, OverdueBucket.Days31To60)]
    [InlineData(61, OverdueBucket.Days61To90)]
    [InlineData(90, OverdueBucket.Days61To90)]
    [InlineData(91, OverdueBucket.Over90)]
    [InlineData(1_000, OverdueBucket.Over90)]
    public void DefaultBucketsAreOneToThirtyThirtyOneToSixtySixtyOneToNinetyAndOverNinety(int daysPastDue, OverdueBucket expected)
    {
        var bucket = OverdueAging.Bucket(daysPastDue);

        Assert.Equal(expected, bucket);
    }

    [Theory]
    [InlineData(15, OverdueBucket.Days1To30)]
    [InlineData(16, OverdueBucket.Days31To60)]
    [InlineData(180, OverdueBucket.Days61To90)]
    [InlineData(181, OverdueBucket.Over90)]
    public void CountyBucketEdgesMoveTheBoundaries(int daysPastDue, OverdueBucket expected)
    {
        var bucket = OverdueAging.Bucket(daysPastDue, [15, 45, 180]);

        Assert.Equal(expected, bucket);
    }

    [Theory]
    [InlineData(new[] { 30, 60 })]
    [InlineData(new[] { 0, 60, 90 })]
    [InlineData(new[] { 30, 30, 90 })]
    [InlineData(new[] { 60, 30, 90 })]
    public void BucketEdgesThatAreNotThreeAscendingPositiveDaysAreRejected(int[] bounds)
    {
        Assert.Throws<ArgumentException>(() => OverdueAging.Bucket(10, bounds));
    }

    [Fact]
    public void EveryTransitionIsReportedOnItsOwnDateEvenWhenDaysWereSkipped()
    {
        var transitions = OverdueAging.Transitions(DueDate, DueDate, new DateOnly(2024, 9, 30), OverdueAging.DefaultBucketUpperBounds);

        // Day 1 = 16 Jun; day 31 = 15 Jun + 31 = 16 Jul; day 61 = 15 Aug; day 91 = 15 + 31 + 31 + 14 → 14 Sep.
        Assert.Equal(
            [
                new BucketTransition(new DateOnly(2024, 6, 16), 1, OverdueBucket.Current, OverdueBucket.Days1To30),
                new BucketTransition(new DateOnly(2024, 7, 16), 31, OverdueBucket.Days1To30, OverdueBucket.Days31To60),
                new BucketTransition(new DateOnly(2024, 8, 15), 61, OverdueBucket.Days31To60, OverdueBucket.Days61To90),
                new BucketTransition(new DateOnly(2024, 9, 14), 91, OverdueBucket.Days61To90, OverdueBucket.Over90),
            ],
            transitions);
    }

    [Fact]
    public void TransitionsOnOrBeforeTheLastAgingDateAreNotReportedAgain()
    {
        var transitions = OverdueAging.Transitions(DueDate, new DateOnly(2024, 7, 16), new DateOnly(2024, 8, 14), OverdueAging.DefaultBucketUpperBounds);

        Assert.Empty(transitions);
    }
}
