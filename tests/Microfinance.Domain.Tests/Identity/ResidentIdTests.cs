using Microfinance.Domain.Identity;

namespace Microfinance.Domain.Tests.Identity;

public sealed class ResidentIdTests
{
    // The sample number printed in GB 11643-1999; its check character is X.
    private const string PublishedSample = "11010519491231002X";

    // Born 2000-02-29 in Fumin county (530124); check digits computed by hand with the GB 11643 weights.
    private const string LeapDayBorn = "530124200002290010";

    [Fact]
    public void PublishedSampleIsValid()
    {
        var parsed = ResidentId.TryParse(PublishedSample, out var id, out var error);

        Assert.True(parsed);
        Assert.Null(error);
        Assert.Equal(PublishedSample, id.Value);
    }

    [Fact]
    public void LowercaseCheckXIsAcceptedAndUpperCased()
    {
        var id = ResidentId.Parse("11010519491231002x");

        Assert.Equal(PublishedSample, id.Value);
    }

    [Fact]
    public void SurroundingWhitespaceIsTrimmed()
    {
        var id = ResidentId.Parse($"  {PublishedSample}\t");

        Assert.Equal(PublishedSample, id.Value);
    }

    [Fact]
    public void ValueGivesTheCanonicalForm()
    {
        var id = ResidentId.Parse("11010519491231002x");

        Assert.Equal(PublishedSample, id.Value);
    }

    [Fact]
    public void ToStringGivesTheMaskedFormSoThatNoLogShowsTheNumber()
    {
        var id = ResidentId.Parse("11010519491231002x");

        Assert.Equal("110105********002X", id.ToString());
    }

    [Fact]
    public void BirthDateIsReadFromCharacters7To14()
    {
        var id = ResidentId.Parse(PublishedSample);

        Assert.Equal(new DateOnly(1949, 12, 31), id.BirthDate);
    }

    [Fact]
    public void RegionCodeIsTheFirstSixDigits()
    {
        var id = ResidentId.Parse(PublishedSample);

        Assert.Equal("110105", id.RegionCode);
    }

    [Theory]
    [InlineData("530124197803150013", true)]
    [InlineData(PublishedSample, false)]
    [InlineData("53012419950608002X", false)]
    public void SexFollowsTheParityOfTheSeventeenthDigit(string text, bool isMale)
    {
        var id = ResidentId.Parse(text);

        Assert.Equal(isMale, id.IsMale);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void MissingTextIsRejectedAsRequired(string? text)
    {
        ResidentId.TryParse(text, out _, out var error);

        Assert.Equal("is required", error);
    }

    [Theory]
    [InlineData("11010519491231002")]
    [InlineData("11010519491231002X0")]
    [InlineData("110105491231002")]
    public void WrongLengthIsRejected(string text)
    {
        var parsed = ResidentId.TryParse(text, out _, out var error);

        Assert.False(parsed);
        Assert.Equal("must be 18 characters", error);
    }

    [Theory]
    [InlineData("1101051949123100AX")]
    [InlineData("X10105194912310021")]
    [InlineData("１10105194912310021")]
    public void NonDigitAmongTheFirstSeventeenIsRejected(string text)
    {
        ResidentId.TryParse(text, out _, out var error);

        Assert.Equal("first 17 characters must be digits", error);
    }

    [Fact]
    public void LastCharacterOtherThanDigitOrXIsRejected()
    {
        ResidentId.TryParse("11010519491231002Y", out _, out var error);

        Assert.Equal("last character must be a digit or X", error);
    }

    [Fact]
    public void CheckDigitMismatchIsRejected()
    {
        var parsed = ResidentId.TryParse("110105194912310021", out _, out var error);

        Assert.False(parsed);
        Assert.Equal("check digit mismatch", error);
    }

    [Fact]
    public void SingleDigitTypoIsCaughtByTheCheckDigit()
    {
        ResidentId.TryParse("11010519491231003X", out _, out var error);

        Assert.Equal("check digit mismatch", error);
    }

    // Each carries a correct check digit, so only the date check can catch it.
    [Theory]
    [InlineData("530124199913400019")]
    [InlineData("530124199902290010")]
    [InlineData("530124190002290014")]
    public void ImpossibleBirthDateIsRejected(string text)
    {
        var parsed = ResidentId.TryParse(text, out _, out var error);

        Assert.False(parsed);
        Assert.Equal("birth date is not a calendar date", error);
    }

    [Fact]
    public void BirthDateBefore1900IsRejected()
    {
        ResidentId.TryParse("530124189912310012", out _, out var error);

        Assert.Equal("birth date is before 1900-01-01", error);
    }

    [Fact]
    public void BirthDateOfFirstJanuary1900IsAccepted()
    {
        var id = ResidentId.Parse("530124190001010017");

        Assert.Equal(new DateOnly(1900, 1, 1), id.BirthDate);
    }

    [Fact]
    public void LeapDayOfALeapYearIsABirthDate()
    {
        var id = ResidentId.Parse(LeapDayBorn);

        Assert.Equal(new DateOnly(2000, 2, 29), id.BirthDate);
    }

    [Fact]
    public void ParseThrowsFormatExceptionNamingTheError()
    {
        var exception = Assert.Throws<FormatException>(() => ResidentId.Parse("110105194912310021"));

        Assert.Contains("check digit mismatch", exception.Message);
    }

    // Errors reach logs and clients: none repeats the birth date, nor the check character a
    // mistyped number should have had.
    [Theory]
    [InlineData("110105194912310021", "19491231")]
    [InlineData("530124199913400019", "19991340")]
    [InlineData("530124189912310012", "18991231")]
    public void AnErrorDoesNotEchoTheNumber(string text, string birthDigits)
    {
        ResidentId.TryParse(text, out _, out var error);

        Assert.DoesNotContain(birthDigits, error);
        Assert.DoesNotContain("X", error);
    }

    [Theory]
    [InlineData(1949, 12, 31, 0)]
    [InlineData(1950, 12, 30, 0)]
    [InlineData(1950, 12, 31, 1)]
    [InlineData(2014, 12, 30, 64)]
    [InlineData(2014, 12, 31, 65)]
    [InlineData(2015, 1, 1, 65)]
    public void AgeCountsFullYearsCompletedUpToTheBirthday(int year, int month, int day, int expected)
    {
        var id = ResidentId.Parse(PublishedSample);

        var age = id.AgeOn(new DateOnly(year, month, day));

        Assert.Equal(expected, age);
    }

    [Theory]
    [InlineData(2018, 2, 28, 17)]
    [InlineData(2018, 3, 1, 18)]
    public void LeapDayBornTurnsOlderOnFirstMarchInACommonYear(int year, int month, int day, int expected)
    {
        var id = ResidentId.Parse(LeapDayBorn);

        var age = id.AgeOn(new DateOnly(year, month, day));

        Assert.Equal(expected, age);
    }

    [Theory]
    [InlineData(2020, 2, 28, 19)]
    [InlineData(2020, 2, 29, 20)]
    public void LeapDayBornTurnsOlderOnTheLeapDayInALeapYear(int year, int month, int day, int expected)
    {
        var id = ResidentId.Parse(LeapDayBorn);

        var age = id.AgeOn(new DateOnly(year, month, day));

        Assert.Equal(expected, age);
    }

    [Fact]
    public void AgeBeforeBirthIsRefused()
    {
        var id = ResidentId.Parse(PublishedSample);

        Assert.Throws<ArgumentOutOfRangeException>(() => id.AgeOn(new DateOnly(1949, 12, 30)));
    }

    [Fact]
    public void ComposingFromItsPartsGivesThePublishedSampleId()
    {
        var id = ResidentId.Compose("110105", new DateOnly(1949, 12, 31), 2);

        Assert.Equal("11010519491231002X", id.Value);
    }
}
