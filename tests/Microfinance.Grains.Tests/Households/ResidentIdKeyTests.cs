using Microfinance.Domain.Identity;
using Microfinance.Grains.Households;

namespace Microfinance.Grains.Tests.Households;

public sealed class ResidentIdKeyTests
{
    private static readonly ResidentId Id = ResidentId.Parse("530124197803150013");

    private static byte[] Pepper(byte fill) => Enumerable.Repeat(fill, ResidentIdKey.PepperLength).ToArray();

    [Fact]
    public void OnePepperGivesAnIdTheSameKeyEveryTime()
    {
        var key = new ResidentIdKey(Pepper(7)).Of(Id);

        Assert.Equal(key, new ResidentIdKey(Pepper(7)).Of(Id));
    }

    [Fact]
    public void TwoPeppersGiveAnIdDifferentKeys()
    {
        var key = new ResidentIdKey(Pepper(7)).Of(Id);

        Assert.NotEqual(key, new ResidentIdKey(Pepper(8)).Of(Id));
    }

    [Fact]
    public void TheKeyIsThirtyTwoLowerCaseHexDigitsThatHoldNoPartOfTheId()
    {
        var key = new ResidentIdKey(Pepper(7)).Of(Id);

        Assert.Matches("^[0-9a-f]{32}$", key);
        Assert.DoesNotContain(Id.RegionCode, key);
        Assert.DoesNotContain(Id.Value[6..14], key);
    }

    [Fact]
    public void TheKeyIsTheFirstHalfOfTheSha256OfThePepperFollowedByTheId()
    {
        var key = new ResidentIdKey(Pepper(7)).Of(Id);

        // Python: hashlib.sha256(bytes([7] * 32) + b"530124197803150013").hexdigest()[:32]
        Assert.Equal("e928e0fb51cd74ba486aade35031101a", key);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(33)]
    public void APepperOfAnotherLengthIsRefused(int length)
    {
        var create = () => new ResidentIdKey(new byte[length]);

        Assert.Throws<ArgumentException>(create);
    }
}
