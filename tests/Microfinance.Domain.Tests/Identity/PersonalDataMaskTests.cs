using Microfinance.Domain.Identity;

namespace Microfinance.Domain.Tests.Identity;

public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("530124197803150013", "530124********0013")]
    [InlineData("11010519491231002X", "110105********002X")]
    public void AResidentIdKeepsItsFirstSixAndLastFourCharacters(string text, string masked)
    {
        var shown = PersonalDataMask.ResidentId(ResidentId.Parse(text));

        Assert.Equal(masked, shown);
    }

    [Fact]
    public void AMaskedResidentIdHidesTheBirthDate()
    {
        var shown = PersonalDataMask.ResidentId(ResidentId.Parse("530124197803150013"));

        Assert.DoesNotContain("19780315", shown);
    }

    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("李四", "李*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("阿依古丽·买买提", "阿*******")]
    public void ANameKeepsOnlyItsFirstCharacter(string name, string masked)
    {
        var shown = PersonalDataMask.Name(name);

        Assert.Equal(masked, shown);
    }

    [Fact]
    public void ACharacterOutsideTheBasicPlaneCountsAsOne()
    {
        var shown = PersonalDataMask.Name("𠮷田");

        Assert.Equal("𠮷*", shown);
    }

    [Fact]
    public void AOneCharacterNameIsHiddenWhole()
    {
        var shown = PersonalDataMask.Name("王");

        Assert.Equal("*", shown);
    }

    [Fact]
    public void AnEmptyNameStaysEmpty()
    {
        var shown = PersonalDataMask.Name("");

        Assert.Equal("", shown);
    }
}
