using Microfinance.Domain.Identity;

namespace Microfinance.Domain.Tests.Identity;

public sealed class UnifiedSocialCreditCodeTests
{
    // A widely cited valid code (Fuzhou, 350100); its check character 3 was verified by hand:
    // weighted sum 1640, 1640 mod 31 = 28, 31 - 28 = 3.
    private const string CitedCode = "91350100M000100Y43";

    [Fact]
    public void CommonlyCitedCodeIsValid()
    {
        var parsed = UnifiedSocialCreditCode.TryParse(CitedCode, out var code, out var error);

        Assert.True(parsed);
        Assert.Null(error);
        Assert.Equal(CitedCode, code.Value);
    }

    [Fact]
    public void PartsAreReadFromTheirPositions()
    {
        var code = UnifiedSocialCreditCode.Parse("93530124MA6K7Q2P1C");

        Assert.Equal('9', code.RegistrationAuthority);
        Assert.Equal('3', code.EntityCategory);
        Assert.Equal("530124", code.AdminDivisionCode);
    }

    [Fact]
    public void LowercaseIsAcceptedAndUpperCased()
    {
        var code = UnifiedSocialCreditCode.Parse("91350100m000100y43");

        Assert.Equal(CitedCode, code.Value);
    }

    [Fact]
    public void SurroundingWhitespaceIsTrimmed()
    {
        var code = UnifiedSocialCreditCode.Parse($" {CitedCode} ");

        Assert.Equal(CitedCode, code.Value);
    }

    [Fact]
    public void ToStringGivesTheCanonicalForm()
    {
        var code = UnifiedSocialCreditCode.Parse("91350100m000100y43");

        Assert.Equal(CitedCode, code.ToString());
    }

    // The weighted sum of this code is a multiple of 31: 31 - 0 = 31, which stands for symbol 0.
    [Fact]
    public void CheckValueOf31IsWrittenAsZero()
    {
        var parsed = UnifiedSocialCreditCode.TryParse("93530124MA00000160", out _, out var error);

        Assert.True(parsed, error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void MissingTextIsRejectedAsRequired(string? text)
    {
        UnifiedSocialCreditCode.TryParse(text, out _, out var error);

        Assert.Equal("is required", error);
    }

    [Theory]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    public void WrongLengthIsRejected(string text)
    {
        var parsed = UnifiedSocialCreditCode.TryParse(text, out _, out var error);

        Assert.False(parsed);
        Assert.Equal("must be 18 characters", error);
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('i')]
    [InlineData('-')]
    public void CharacterOutsideTheCharsetIsRejected(char symbol)
    {
        var text = CitedCode[..8] + symbol + CitedCode[9..];

        UnifiedSocialCreditCode.TryParse(text, out _, out var error);

        Assert.Equal($"character 9 '{char.ToUpperInvariant(symbol)}' is not allowed", error);
    }

    // The check character is right for these 17, so only the digit rule can reject it.
    [Fact]
    public void LetterInTheAdministrativeDivisionCodeIsRejected()
    {
        UnifiedSocialCreditCode.TryParse("9353012AMA6K7Q2P13", out _, out var error);

        Assert.Equal("characters 3-8 must be digits", error);
    }

    [Fact]
    public void CheckCharacterMismatchIsRejected()
    {
        var parsed = UnifiedSocialCreditCode.TryParse("91350100M000100Y44", out _, out var error);

        Assert.False(parsed);
        Assert.Equal("check character mismatch: expected 3", error);
    }

    [Fact]
    public void ParseThrowsFormatExceptionNamingTheError()
    {
        var exception = Assert.Throws<FormatException>(() => UnifiedSocialCreditCode.Parse("91350100M000100Y44"));

        Assert.Contains("check character mismatch: expected 3", exception.Message);
    }

    [Fact]
    public void ComposingAddsTheCheckCharacter()
    {
        var code = UnifiedSocialCreditCode.Compose("91350100M000100Y4");

        Assert.Equal("91350100M000100Y43", code.Value);
    }
}
