using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.LegalPersons;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;
using Microfinance.Domain.LegalPersons;
using Microfinance.Domain.Regions;

namespace Microfinance.Grains.Tests.Households;

/// <summary>
/// The text of the records that carry personal data — what Orleans writes when it logs a message's
/// body — holds no full resident id and no full name.
/// </summary>
public sealed class PersonalDataTextTests
{
    private static readonly ResidentId Head = ResidentId.Parse("530124197803150013");
    private static readonly ResidentId Member = ResidentId.Parse("530124198511020027");

    private static readonly HouseholdMemberRecord Spouse = new("李秀英", Member, Relationship.Spouse);

    private static readonly HouseholdProfile Profile =
        new("张文华", Head, [Spouse], HouseholdCategory.RegisteredPoor, LaborCapacity.Ordinary, 4);

    public static TheoryData<string, object> Records => new()
    {
        { "resident id", Head },
        { "member", Spouse },
        { "profile", Profile },
        { "update", new HouseholdUpdate("张文华", Head, [Spouse], null, null, 5) },
        { "household", new HouseholdRecord(RegistryNumber.Parse("530124101001-0001"), AdminCode.Parse("530124101001"), Profile, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch) },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void ItsTextHoldsNoFullResidentIdOrName(string what, object record)
    {
        var text = record.ToString()!;

        Assert.True(!text.Contains(Head.Value) && !text.Contains(Member.Value), $"{what}: {text}");
        Assert.True(!text.Contains("张文华") && !text.Contains("李秀英"), $"{what}: {text}");
    }

    [Fact]
    public void ALegalPersonsRepresentativePrintsMasked()
    {
        var profile = new LegalPersonProfile("富民县绿源种植专业合作社", LegalPersonKind.Cooperative, AdminCode.Parse("530124"), "何正平");

        Assert.DoesNotContain("何正平", profile.ToString());
        Assert.Contains("何**", profile.ToString());
    }
}
