using Microfinance.Domain.Regions;

namespace Microfinance.Domain.Tests.Regions;

public sealed class AdminCodeTests
{
    [Theory]
    [InlineData("53", "530000000000")]
    [InlineData("530102", "530102000000")]
    [InlineData("530102001", "530102001000")]
    [InlineData("530102001001", "530102001001")]
    [InlineData("530102000000", "530102000000")]
    public void ShorterFormsArePaddedToTwelveDigits(string text, string expected)
    {
        var code = AdminCode.Parse(text);

        Assert.Equal(expected, code.Value);
    }

    [Theory]
    [InlineData("53", AdminLevel.Province)]
    [InlineData("530000000000", AdminLevel.Province)]
    [InlineData("530102", AdminLevel.County)]
    [InlineData("429004", AdminLevel.County)]
    [InlineData("530102001", AdminLevel.Township)]
    [InlineData("530102001000", AdminLevel.Township)]
    [InlineData("530102001001", AdminLevel.Village)]
    public void LevelFollowsTheLastNonZeroSegment(string text, AdminLevel expected)
    {
        var code = AdminCode.Parse(text);

        Assert.Equal(expected, code.Level);
    }

    [Theory]
    [InlineData("530000000000", "53")]
    [InlineData("530102000000", "530102")]
    [InlineData("530102001000", "530102001")]
    [InlineData("530102001001", "530102001001")]
    public void ShortFormDropsTheTrailingZeroSegments(string text, string expected)
    {
        var code = AdminCode.Parse(text);

        Assert.Equal(expected, code.ShortForm);
    }

    [Fact]
    public void ToStringGivesTheTwelveDigitForm()
    {
        var code = AdminCode.Parse("530102");

        Assert.Equal("530102000000", code.ToString());
    }

    [Fact]
    public void ShortAndFullFormsOfOneCodeAreEqual()
    {
        var code = AdminCode.Parse("530102001");

        Assert.Equal(AdminCode.Parse("530102001000"), code);
    }

    [Fact]
    public void SurroundingWhitespaceIsTrimmed()
    {
        var code = AdminCode.Parse(" 530102 ");

        Assert.Equal("530102000000", code.Value);
    }

    [Theory]
    [InlineData("530102001001", "530102001")]
    [InlineData("530102001", "530102")]
    [InlineData("530102", "53")]
    public void ParentIsOneLevelUp(string text, string expected)
    {
        var code = AdminCode.Parse(text);

        Assert.Equal(AdminCode.Parse(expected), code.Parent);
    }

    [Fact]
    public void ProvinceHasNoParent()
    {
        var code = AdminCode.Parse("53");

        Assert.Null(code.Parent);
    }

    [Fact]
    public void ProvinceOfAVillageIsItsFirstTwoDigits()
    {
        var code = AdminCode.Parse("530102001001");

        Assert.Equal(AdminCode.Parse("53"), code.Province);
    }

    [Theory]
    [InlineData("530102001001")]
    [InlineData("530102001")]
    [InlineData("530102")]
    public void CountyIsTheFirstSixDigits(string text)
    {
        var code = AdminCode.Parse(text);

        Assert.Equal(AdminCode.Parse("530102"), code.County);
    }

    [Fact]
    public void ProvinceHasNoCounty()
    {
        var code = AdminCode.Parse("53");

        Assert.Throws<InvalidOperationException>(() => code.County);
    }

    [Fact]
    public void TownshipOfAVillageIsItsFirstNineDigits()
    {
        var code = AdminCode.Parse("530102001001");

        Assert.Equal(AdminCode.Parse("530102001"), code.Township);
    }

    [Fact]
    public void CountyHasNoTownship()
    {
        var code = AdminCode.Parse("530102");

        Assert.Throws<InvalidOperationException>(() => code.Township);
    }

    [Theory]
    [InlineData("530102001")]
    [InlineData("530102")]
    [InlineData("53")]
    [InlineData("530102001001")]
    public void VillageIsWithinEachOfItsAncestorsAndItself(string ancestor)
    {
        var village = AdminCode.Parse("530102001001");

        var within = village.IsWithin(AdminCode.Parse(ancestor));

        Assert.True(within);
    }

    [Theory]
    [InlineData("530102001002")]
    [InlineData("530102002")]
    [InlineData("530103")]
    [InlineData("54")]
    public void TownshipIsNotWithinASiblingOrAnotherBranch(string other)
    {
        var township = AdminCode.Parse("530102001");

        var within = township.IsWithin(AdminCode.Parse(other));

        Assert.False(within);
    }

    [Fact]
    public void CountyIsNotWithinItsOwnTownship()
    {
        var county = AdminCode.Parse("530102");

        var within = county.IsWithin(AdminCode.Parse("530102001"));

        Assert.False(within);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void MissingTextIsRejectedAsRequired(string? text)
    {
        AdminCode.TryParse(text, out _, out var error);

        Assert.Equal("is required", error);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("5301")]
    [InlineData("5301020")]
    [InlineData("53010200100")]
    [InlineData("5301020010010")]
    [InlineData("53010a")]
    [InlineData("530-02")]
    public void TextThatIsNotTwoSixNineOrTwelveDigitsIsRejected(string text)
    {
        var parsed = AdminCode.TryParse(text, out _, out var error);

        Assert.False(parsed);
        Assert.Equal("must be 2, 6, 9 or 12 digits", error);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("000102")]
    [InlineData("000000000000")]
    public void ZeroProvinceIsRejected(string text)
    {
        AdminCode.TryParse(text, out _, out var error);

        Assert.Equal("province digits 1-2 must not be 00", error);
    }

    [Theory]
    [InlineData("530100")]
    [InlineData("530100000000")]
    public void PrefectureLevelCodeIsRejected(string text)
    {
        var parsed = AdminCode.TryParse(text, out _, out var error);

        Assert.False(parsed);
        Assert.Equal("prefecture-level codes are not modelled; use the county code", error);
    }

    [Theory]
    [InlineData("530100001")]
    [InlineData("530100001001")]
    [InlineData("530000001")]
    public void TownshipOrVillageWithoutACountyIsRejected(string text)
    {
        AdminCode.TryParse(text, out _, out var error);

        Assert.Equal("county digits 5-6 must not be 00 below county level", error);
    }

    [Fact]
    public void VillageWithoutATownshipIsRejected()
    {
        AdminCode.TryParse("530102000001", out _, out var error);

        Assert.Equal("township digits 7-9 must not be 000 in a village code", error);
    }

    [Fact]
    public void ParseThrowsFormatExceptionNamingTheError()
    {
        var exception = Assert.Throws<FormatException>(() => AdminCode.Parse("530100"));

        Assert.Contains("prefecture-level codes are not modelled; use the county code", exception.Message);
    }
}
