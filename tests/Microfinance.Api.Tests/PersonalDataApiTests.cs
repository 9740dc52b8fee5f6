using System.Text;
using Google.Rpc;
using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Microfinance.Silo.Security;

namespace Microfinance.Api.Tests;

/// <summary>
/// The registry's personal data reaches each role only as far as it needs it (PIPL): whole to the
/// registering offices, resident ids masked to bank officers, names masked too to auditors; and
/// no refusal echoes a resident id.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PersonalDataApiTests(ApiFixture fixture)
{
    private const string HeadName = "韦小宝";
    private const string MemberName = "双儿";
    private const string DemoHeadResidentId = "530124197803150013";

    [Fact]
    public async Task ACountyOfficerReadsResidentIdsBirthDatesAndNamesWhole()
    {
        var (county, _, registered) = await RegisterAsync();
        var households = HouseholdsAs(Role.CountyOfficer, county);

        var read = (await households.GetHouseholdAsync(new GetHouseholdRequest { RegistryNumber = registered.RegistryNumber })).Household;

        Assert.Equal(registered.Head.ResidentId, read.Head.ResidentId);
        Assert.Equal(BirthDateOf(registered.Head.ResidentId), read.Head.BirthDate);
        Assert.Equal(HeadName, read.Head.Name);
        Assert.Equal(registered.Members[0].Person.ResidentId, read.Members[0].Person.ResidentId);
        Assert.Equal(MemberName, read.Members[0].Person.Name);
    }

    [Fact]
    public async Task AVillageOfficerListsItsHouseholdsWhole()
    {
        var (_, village, registered) = await RegisterAsync();
        var households = HouseholdsAs(Role.VillageOfficer, village);

        var read = (await households.ListHouseholdsAsync(new ListHouseholdsRequest { VillageCode = village })).Households.Single();

        Assert.Equal(registered.Head.ResidentId, read.Head.ResidentId);
        Assert.Equal(BirthDateOf(registered.Head.ResidentId), read.Head.BirthDate);
        Assert.Equal(HeadName, read.Head.Name);
    }

    [Fact]
    public async Task ABankOfficerReadsMaskedResidentIdsWithoutBirthDatesAndWholeNames()
    {
        var (county, _, registered) = await RegisterAsync();
        var households = HouseholdsAs(Role.BankOfficer, county, LendingSetup.BankCode);

        var read = (await households.GetHouseholdAsync(new GetHouseholdRequest { RegistryNumber = registered.RegistryNumber })).Household;

        Assert.Equal(Masked(registered.Head.ResidentId), read.Head.ResidentId);
        Assert.Equal("", read.Head.BirthDate);
        Assert.Equal(HeadName, read.Head.Name);
        Assert.Equal(Masked(registered.Members[0].Person.ResidentId), read.Members[0].Person.ResidentId);
        Assert.Equal("", read.Members[0].Person.BirthDate);
        Assert.Equal(MemberName, read.Members[0].Person.Name);
    }

    [Fact]
    public async Task AnAuditorListsMaskedResidentIdsAndNamesWithoutBirthDates()
    {
        var (_, village, registered) = await RegisterAsync();
        var households = HouseholdsAs(Role.Auditor, LendingSetup.Province);

        var read = (await households.ListHouseholdsAsync(new ListHouseholdsRequest { VillageCode = village })).Households.Single();

        Assert.Equal(Masked(registered.Head.ResidentId), read.Head.ResidentId);
        Assert.Equal("", read.Head.BirthDate);
        Assert.Equal("韦**", read.Head.Name);
        Assert.Equal(Masked(registered.Members[0].Person.ResidentId), read.Members[0].Person.ResidentId);
        Assert.Equal("双*", read.Members[0].Person.Name);
    }

    [Theory]
    [InlineData(Role.CountyOfficer, "530124", null, "何正平")]
    [InlineData(Role.BankOfficer, "530124", LendingSetup.BankCode, "何正平")]
    [InlineData(Role.Auditor, "53", null, "何**")]
    public async Task ALegalRepresentativesNameIsMaskedOnlyForAnAuditor(Role role, string area, string? bank, string shown)
    {
        var legalPersons = new LegalPersonService.LegalPersonServiceClient(
            fixture.ChannelWith(fixture.Tokens.Issue($"pii-{RoleNames.Of(role)}", role, [area], bank)));

        var read = (await legalPersons.GetLegalPersonAsync(new GetLegalPersonRequest { CreditCode = "93530124MA6K7Q2P1C" })).LegalPerson;

        Assert.Equal(shown, read.RepresentativeName);
        Assert.Equal("富民县款庄镇绿源种植专业合作社", read.Name);
    }

    [Fact]
    public async Task ARefusedDuplicateHeadDoesNotEchoTheResidentId()
    {
        var household = NewHousehold("530124101001");
        household.Head.ResidentId = DemoHeadResidentId;
        var request = new RegisterHouseholdRequest { RequestId = Keys.NewRequestId(), Household = household };

        var error = await Assert.ThrowsAsync<RpcException>(
            () => new HouseholdService.HouseholdServiceClient(fixture.Channel).RegisterHouseholdAsync(request).ResponseAsync);

        Assert.Equal("RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD", error.Reason());
        Assert.Contains("530124101001-0001", error.Status.Detail);
        AssertNotEchoed(DemoHeadResidentId, error);
    }

    // A mistyped check digit, an impossible birth date, and a valid id in the member list twice.
    [Theory]
    [InlineData("530124197803150012", "19780315")]
    [InlineData("530124197802300019", "19780230")]
    [InlineData("530124198511020027", "19851102")]
    public async Task ARefusedResidentIdIsNotEchoed(string residentId, string birthDigits)
    {
        var household = NewHousehold("530124101001");
        household.Head.ResidentId = residentId;
        household.Members[0].Person.ResidentId = residentId;
        var request = new RegisterHouseholdRequest { RequestId = Keys.NewRequestId(), Household = household };

        var error = await Assert.ThrowsAsync<RpcException>(
            () => new HouseholdService.HouseholdServiceClient(fixture.Channel).RegisterHouseholdAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        AssertNotEchoed(residentId, error);
        AssertNotEchoed(birthDigits, error);
    }

    /// <summary>Neither the status message nor any trailer (the rich status details among them) holds <paramref name="text"/>.</summary>
    private static void AssertNotEchoed(string text, RpcException error)
    {
        Assert.DoesNotContain(text, error.Status.Detail);
        foreach (var trailer in error.Trailers)
        {
            var value = trailer.IsBinary ? Encoding.UTF8.GetString(trailer.ValueBytes) : trailer.Value;
            Assert.DoesNotContain(text, value);
        }

        var metadata = error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Metadata.Values ?? [];
        Assert.DoesNotContain(metadata, value => value.Contains(text, StringComparison.Ordinal));
    }

    private async Task<(string County, string Village, Household Registered)> RegisterAsync()
    {
        var (county, village) = await RegionSetup.NewVillageAsync(new RegionService.RegionServiceClient(fixture.Channel));
        var household = NewHousehold(village);
        await new HouseholdService.HouseholdServiceClient(fixture.Channel).RegisterHouseholdAsync(
            new RegisterHouseholdRequest { RequestId = Keys.NewRequestId(), Household = household });
        return (county, village, household);
    }

    private HouseholdService.HouseholdServiceClient HouseholdsAs(Role role, string area, string? bank = null) =>
        new(fixture.ChannelWith(fixture.Tokens.Issue($"pii-{RoleNames.Of(role)}", role, [area], bank)));

    private static Household NewHousehold(string village) => new()
    {
        RegistryNumber = Keys.NewRegistryNumber(),
        VillageCode = village,
        Head = new Person { Name = HeadName, ResidentId = Keys.NewResidentId() },
        Members =
        {
            new HouseholdMember { Person = new Person { Name = MemberName, ResidentId = Keys.NewResidentId() }, Relationship = Relationship.Spouse },
        },
        Category = HouseholdCategory.RegisteredPoor,
        LaborCapacity = LaborCapacity.Ordinary,
        StarRating = 3,
    };

    private static string Masked(string residentId) => $"{residentId[..6]}********{residentId[^4..]}";

    private static string BirthDateOf(string residentId) => $"{residentId[6..10]}-{residentId[10..12]}-{residentId[12..14]}";
}
