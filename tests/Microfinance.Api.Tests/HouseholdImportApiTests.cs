using System.Text;
using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;

namespace Microfinance.Api.Tests;

/// <summary>The registry import over gRPC: a household export streamed in chunks, each row registered or refused alone.</summary>
[Collection(ApiCollection.Name)]
public sealed class HouseholdImportApiTests(ApiFixture fixture)
{
    [Fact]
    public async Task GoodRowsAreRegisteredAndEveryBadRowIsReportedWithItsRowColumnAndReason()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, 10_000_000, 50_000_000);
        var good = Enumerable.Range(0, 3).Select(_ => HouseholdExport.NewHousehold(county.Village)).ToList();
        var badCategory = HouseholdExport.Row(HouseholdExport.NewHousehold(county.Village)).Replace("建档立卡贫困户", "贫困户", StringComparison.Ordinal);
        var badId = HouseholdExport.NewHousehold(county.Village);
        badId.Head.ResidentId = badId.Head.ResidentId[..17] + (badId.Head.ResidentId[17] == '0' ? "1" : "0");
        var sharesHead = HouseholdExport.NewHousehold(county.Village);
        sharesHead.Head.ResidentId = good[0].Head.ResidentId;
        var unknownVillage = HouseholdExport.NewHousehold(county.County[..6] + "999999");
        var file = HouseholdExport.File(
            HouseholdExport.Row(good[0]), badCategory, HouseholdExport.Row(good[1]), HouseholdExport.Row(badId),
            HouseholdExport.Row(sharesHead), HouseholdExport.Row(unknownVillage), HouseholdExport.Row(good[2]));

        var responses = await HouseholdExport.ImportAsync(fixture.Channel.CreateCallInvoker(), Encoding.UTF8.GetBytes(file), chunkBytes: 100);

        var summary = responses[^1].Summary;
        Assert.Equal((7, 3, 0, 4), (summary.RowsRead, summary.Registered, summary.AlreadyRegistered, summary.Rejected));
        Assert.Equal(
            new HashSet<(long, string, string)>
            {
                (3, "户类型", "INVALID_FIELD"),
                (5, "户主身份证号", "INVALID_FIELD"),
                (6, "户主身份证号", "RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD"),
                (7, "村代码", "REGION_NOT_FOUND"),
            },
            responses.Where(response => response.Rejection is not null).Select(response => (response.Rejection.Row, response.Rejection.Column, response.Rejection.Reason)).ToHashSet());
        Assert.DoesNotContain(responses, response => response.Rejection?.Message.Contains(good[0].Head.ResidentId, StringComparison.Ordinal) == true);
        var households = new HouseholdService.HouseholdServiceClient(fixture.Channel);
        foreach (var household in good)
        {
            var registered = (await households.GetHouseholdAsync(new GetHouseholdRequest { RegistryNumber = household.RegistryNumber })).Household;
            Assert.Equal((household.VillageCode, household.Head.Name), (registered.VillageCode, registered.Head.Name));
        }
    }

    [Fact]
    public async Task AGbkFileImportsAndItsChineseIsReadRight()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, 10_000_000, 50_000_000);
        var household = HouseholdExport.NewHousehold(county.Village);
        household.Members.Add(new HouseholdMember { Person = new Person { Name = "黄秀兰", ResidentId = "" }, Relationship = Relationship.Spouse });

        var responses = await HouseholdExport.ImportAsync(fixture.Channel.CreateCallInvoker(), HouseholdExport.Gbk(HouseholdExport.File(HouseholdExport.Row(household))));

        Assert.Equal(1, responses[^1].Summary.Registered);
        var registered = (await new HouseholdService.HouseholdServiceClient(fixture.Channel)
            .GetHouseholdAsync(new GetHouseholdRequest { RegistryNumber = household.RegistryNumber })).Household;
        Assert.Equal(("韦志强", HouseholdCategory.RegisteredPoor, "黄秀兰", Relationship.Spouse),
            (registered.Head.Name, registered.Category, registered.Members[0].Person.Name, registered.Members[0].Relationship));
    }

    [Fact]
    public async Task AFileImportedAgainAfterAPartialImportRegistersNothingTwice()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, 10_000_000, 50_000_000);
        var rows = Enumerable.Range(0, 6).Select(_ => HouseholdExport.Row(HouseholdExport.NewHousehold(county.Village))).ToList();
        await HouseholdExport.ImportAsync(fixture.Channel.CreateCallInvoker(), Encoding.UTF8.GetBytes(HouseholdExport.File(rows.Take(4))));

        var again = await HouseholdExport.ImportAsync(fixture.Channel.CreateCallInvoker(), Encoding.UTF8.GetBytes(HouseholdExport.File(rows)));

        Assert.Equal((6, 2, 4, 0), (again[^1].Summary.RowsRead, again[^1].Summary.Registered, again[^1].Summary.AlreadyRegistered, again[^1].Summary.Rejected));
        var listed = await new HouseholdService.HouseholdServiceClient(fixture.Channel)
            .ListHouseholdsAsync(new ListHouseholdsRequest { VillageCode = county.Village, PageSize = 50 });
        Assert.Equal(6, listed.Households.Count);
    }

    [Fact]
    public async Task ARowTheFileRepeatsIsAlreadyRegisteredAndOneThatDiffersIsRefused()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, 10_000_000, 50_000_000);
        var household = HouseholdExport.NewHousehold(county.Village);
        var changed = household.Clone();
        changed.StarRating = 1;

        var responses = await HouseholdExport.ImportAsync(fixture.Channel.CreateCallInvoker(), Encoding.UTF8.GetBytes(
            HouseholdExport.File(HouseholdExport.Row(household), HouseholdExport.Row(household), HouseholdExport.Row(changed))));

        Assert.Equal((3, 1, 1, 1), (responses[^1].Summary.RowsRead, responses[^1].Summary.Registered, responses[^1].Summary.AlreadyRegistered, responses[^1].Summary.Rejected));
        Assert.Equal("HOUSEHOLD_ALREADY_EXISTS", responses.Single(response => response.Rejection is not null).Rejection.Reason);
    }

    [Fact]
    public async Task AFileWithoutARequiredColumnIsRefusedBeforeAnyRow()
    {
        var file = Encoding.UTF8.GetBytes("档案编号,村代码,户主姓名\r\nX-1,450102001001,韦志强\r\n");

        var refused = await Assert.ThrowsAsync<RpcException>(() => HouseholdExport.ImportAsync(fixture.Channel.CreateCallInvoker(), file));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("户主身份证号", refused.Status.Detail + string.Join(" ", refused.Trailers.Select(trailer => trailer.Key)), StringComparison.Ordinal);
    }
}
