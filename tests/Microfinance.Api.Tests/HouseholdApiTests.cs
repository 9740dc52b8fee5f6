using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;

namespace Microfinance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class HouseholdApiTests(ApiFixture fixture)
{
    private HouseholdService.HouseholdServiceClient Households => new(fixture.Channel);

    private static Household NewHousehold(string village) => new()
    {
        RegistryNumber = Keys.NewRegistryNumber(),
        VillageCode = village,
        Head = new Person { Name = "韦小宝", ResidentId = Keys.NewResidentId() },
        Members = { new HouseholdMember { Person = new Person { Name = "双儿" }, Relationship = Relationship.Spouse } },
        Category = HouseholdCategory.RegisteredPoor,
        LaborCapacity = LaborCapacity.Ordinary,
        StarRating = 3,
    };

    [Fact]
    public async Task RegisteredHouseholdComesBackWithTheBirthDateFromItsResidentId()
    {
        var (_, village) = await RegionSetup.NewVillageAsync(new RegionService.RegionServiceClient(fixture.Channel));
        var household = NewHousehold(village);

        await Households.RegisterHouseholdAsync(new RegisterHouseholdRequest { RequestId = Keys.NewRequestId(), Household = household });

        var read = (await Households.GetHouseholdAsync(new GetHouseholdRequest { RegistryNumber = household.RegistryNumber })).Household;
        var id = household.Head.ResidentId;
        Assert.Equal($"{id[6..10]}-{id[10..12]}-{id[12..14]}", read.Head.BirthDate);
        Assert.Equal(household.Members, read.Members);
        Assert.Equal(village, read.VillageCode);
    }

    [Fact]
    public async Task DemoVillageListsItsHouseholdsInRegistryOrder()
    {
        var response = await Households.ListHouseholdsAsync(new ListHouseholdsRequest { VillageCode = "530124101001" });

        Assert.Equal(
            ["530124101001-0001", "530124101001-0002", "530124101001-0003", "530124101001-0004"],
            response.Households.Select(h => h.RegistryNumber));
    }

    [Theory]
    [InlineData("53012419780315001")]
    [InlineData("530124197803150012")]
    [InlineData("530124197802300019")]
    [InlineData("5301241978031500AX")]
    public async Task AnInvalidHeadResidentIdIsAnInvalidArgumentNamingTheField(string residentId)
    {
        var household = NewHousehold("530124101001");
        household.Head.ResidentId = residentId;
        var request = new RegisterHouseholdRequest { RequestId = Keys.NewRequestId(), Household = household };

        var error = await Assert.ThrowsAsync<RpcException>(() => Households.RegisterHouseholdAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["household.head.resident_id"], error.ViolatedFields());
    }

    [Fact]
    public async Task EveryInvalidFieldIsReportedAtOnce()
    {
        var household = NewHousehold("530124101");
        household.Category = HouseholdCategory.Unspecified;
        household.StarRating = 6;
        household.Members[0].Relationship = Relationship.Unspecified;
        var request = new RegisterHouseholdRequest { RequestId = Keys.NewRequestId(), Household = household };

        var error = await Assert.ThrowsAsync<RpcException>(() => Households.RegisterHouseholdAsync(request).ResponseAsync);

        Assert.Equal(
            ["household.village_code", "household.members[0].relationship", "household.category", "household.star_rating"],
            error.ViolatedFields());
    }

    [Fact]
    public async Task RegistrationInAnUnknownVillageIsNotFoundAndRegistersNothing()
    {
        var household = NewHousehold("530124101099");

        var error = await Assert.ThrowsAsync<RpcException>(() => Households.RegisterHouseholdAsync(
            new RegisterHouseholdRequest { RequestId = Keys.NewRequestId(), Household = household }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("VILLAGE_NOT_FOUND", error.Reason());
        var lookup = await Assert.ThrowsAsync<RpcException>(() => Households.GetHouseholdAsync(
            new GetHouseholdRequest { RegistryNumber = household.RegistryNumber }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task AMemberOfOneHouseholdCannotHeadAnotherAndTheRefusalNamesOnlyTheHousehold()
    {
        var (_, village) = await RegionSetup.NewVillageAsync(new RegionService.RegionServiceClient(fixture.Channel));
        var first = NewHousehold(village);
        var member = Keys.NewResidentId();
        first.Members[0].Person.ResidentId = member;
        await Households.RegisterHouseholdAsync(new RegisterHouseholdRequest { RequestId = Keys.NewRequestId(), Household = first });
        var second = NewHousehold(village);
        second.Head.ResidentId = member;

        var error = await Assert.ThrowsAsync<RpcException>(() => Households.RegisterHouseholdAsync(
            new RegisterHouseholdRequest { RequestId = Keys.NewRequestId(), Household = second }).ResponseAsync);

        Assert.Equal((StatusCode.AlreadyExists, "RESIDENT_ID_ALREADY_IN_HOUSEHOLD"), (error.StatusCode, error.Reason()));
        Assert.Contains(first.RegistryNumber, error.Status.Detail);
        Assert.DoesNotContain(member, error.Status.Detail);
    }

    [Fact]
    public async Task ADemoHeadCannotHeadANewHousehold()
    {
        var household = NewHousehold("530124101001");
        household.Head.ResidentId = "530124197803150013";

        var error = await Assert.ThrowsAsync<RpcException>(() => Households.RegisterHouseholdAsync(
            new RegisterHouseholdRequest { RequestId = Keys.NewRequestId(), Household = household }).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal("RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD", error.Reason());
    }

    [Fact]
    public async Task AnUpdateChangesOnlyTheMaskedFields()
    {
        var (_, village) = await RegionSetup.NewVillageAsync(new RegionService.RegionServiceClient(fixture.Channel));
        var household = NewHousehold(village);
        await Households.RegisterHouseholdAsync(new RegisterHouseholdRequest { RequestId = Keys.NewRequestId(), Household = household });
        var change = new Household
        {
            RegistryNumber = household.RegistryNumber,
            Category = HouseholdCategory.EscapedPoverty,
            StarRating = 5,
        };

        var updated = (await Households.UpdateHouseholdAsync(new UpdateHouseholdRequest
        {
            RequestId = Keys.NewRequestId(),
            Household = change,
            UpdateMask = new FieldMask { Paths = { "star_rating" } },
        })).Household;

        Assert.Equal(5, updated.StarRating);
        Assert.Equal(HouseholdCategory.RegisteredPoor, updated.Category);
        Assert.Equal(household.Head.Name, updated.Head.Name);
    }

    [Fact]
    public async Task ACreditHouseholdIsRecordedAtRegistrationAndItsStandingChangedByItsMaskPath()
    {
        var (_, village) = await RegionSetup.NewVillageAsync(new RegionService.RegionServiceClient(fixture.Channel));
        var household = NewHousehold(village);
        household.CreditHousehold = true;

        var registered = (await Households.RegisterHouseholdAsync(new RegisterHouseholdRequest { RequestId = Keys.NewRequestId(), Household = household })).Household;
        var withdrawn = (await Households.UpdateHouseholdAsync(new UpdateHouseholdRequest
        {
            RequestId = Keys.NewRequestId(),
            Household = new Household { RegistryNumber = household.RegistryNumber, StarRating = 1 },
            UpdateMask = new FieldMask { Paths = { "credit_household" } },
        })).Household;

        Assert.True(registered.CreditHousehold);
        Assert.False(withdrawn.CreditHousehold);
        Assert.Equal(household.StarRating, withdrawn.StarRating);
    }

    [Fact]
    public async Task AThousandLongUnknownUpdateMaskPathsAreRefusedInAStatusTheClientCanRead()
    {
        var request = new UpdateHouseholdRequest
        {
            RequestId = Keys.NewRequestId(),
            Household = new Household { RegistryNumber = "530124101001-0001" },
            UpdateMask = new FieldMask { Paths = { Enumerable.Range(0, 1000).Select(i => $"{i}{new string('x', 1000)}") } },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => Households.UpdateHouseholdAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(20, error.ViolatedFields().Count);
        Assert.EndsWith("and 980 more.", error.Status.Detail);
    }

    [Fact]
    public async Task AnUnknownUpdateMaskPathIsAnInvalidArgument()
    {
        var request = new UpdateHouseholdRequest
        {
            RequestId = Keys.NewRequestId(),
            Household = new Household { RegistryNumber = "530124101001-0001", VillageCode = "530124101002" },
            UpdateMask = new FieldMask { Paths = { "village_code" } },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => Households.UpdateHouseholdAsync(request).ResponseAsync);

        Assert.Equal(["update_mask.paths"], error.ViolatedFields());
    }
}
