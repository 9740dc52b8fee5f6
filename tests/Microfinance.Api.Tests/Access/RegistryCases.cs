using System.Text;
using Grpc.Core;
using Google.Protobuf.WellKnownTypes;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using static Microfinance.Api.Tests.Access.CaseBuilder;

namespace Microfinance.Api.Tests.Access;

/// <summary>The matrix rows of the registry: regions, households and legal persons.</summary>
public static class RegistryCases
{
    public static IEnumerable<RpcCase> All()
    {
        var regions = RegionService.Descriptor;
        yield return Change(regions, "CreateRegion", AllowedCallers.CountyOffice, world => Call(caller =>
            new RegionService.RegionServiceClient(caller).CreateRegionAsync(new CreateRegionRequest
            {
                RequestId = Keys.NewRequestId(),
                Region = new Region { Code = $"{world.County.County[..6]}{100 + world.Next():000}", Name = "新设镇" },
            })));
        yield return Read(regions, "GetRegion", AllowedCallers.AreaReaders, world => Call(caller =>
            new RegionService.RegionServiceClient(caller).GetRegionAsync(new GetRegionRequest { Code = world.County.Village })));
        yield return Read(regions, "ListSubregions", AllowedCallers.AreaReaders, world => Call(caller =>
            new RegionService.RegionServiceClient(caller).ListSubregionsAsync(new ListSubregionsRequest { ParentCode = world.County.County })));
        yield return Change(regions, "DesignateCreditRegion", AllowedCallers.CountyOffice, world => Call(caller =>
            new RegionService.RegionServiceClient(caller).DesignateCreditRegionAsync(new DesignateCreditRegionRequest
            {
                RequestId = Keys.NewRequestId(), RegionCode = world.County.Village, Designated = true, Document = "县信用体系建设领导小组〔2026〕2号",
            })));

        var households = HouseholdService.Descriptor;
        yield return Change(households, "RegisterHousehold", AllowedCallers.LocalOffices, world => Call(caller =>
            new HouseholdService.HouseholdServiceClient(caller).RegisterHouseholdAsync(
                LendingSetup.HouseholdRegistration(world.County.Village, HouseholdCategory.RegisteredPoor))));
        yield return Change(households, "ImportHouseholds", AllowedCallers.CountyOffice, world => caller => ImportOneAsync(caller, world.County.Village));
        yield return Change(households, "UpdateHousehold", AllowedCallers.LocalOffices, async (world, _) =>
        {
            var registryNumber = await world.HouseholdAsync();
            return Call(caller => new HouseholdService.HouseholdServiceClient(caller).UpdateHouseholdAsync(new UpdateHouseholdRequest
            {
                RequestId = Keys.NewRequestId(),
                Household = new Household { RegistryNumber = registryNumber, StarRating = 5 },
                UpdateMask = new FieldMask { Paths = { "star_rating" } },
            }));
        });
        yield return Read(households, "GetHousehold", AllowedCallers.AreaReaders, async world =>
        {
            var registryNumber = await world.HouseholdAsync();
            return Call(caller => new HouseholdService.HouseholdServiceClient(caller).GetHouseholdAsync(
                new GetHouseholdRequest { RegistryNumber = registryNumber }));
        });
        yield return Read(households, "ListHouseholds", AllowedCallers.AreaReaders, world => Call(caller =>
            new HouseholdService.HouseholdServiceClient(caller).ListHouseholdsAsync(new ListHouseholdsRequest { VillageCode = world.County.Village })));

        var legalPersons = LegalPersonService.Descriptor;
        yield return Change(legalPersons, "RegisterLegalPerson", AllowedCallers.CountyOffice, world => Call(caller =>
            new LegalPersonService.LegalPersonServiceClient(caller).RegisterLegalPersonAsync(
                LendingSetup.CooperativeRegistration(world.County.County))));
        yield return Read(legalPersons, "GetLegalPerson", AllowedCallers.CountyAreaReaders, async world =>
        {
            var creditCode = await LendingSetup.RegisterCooperativeAsync(world.Admin, world.County.County);
            return Call(caller => new LegalPersonService.LegalPersonServiceClient(caller).GetLegalPersonAsync(
                new GetLegalPersonRequest { CreditCode = creditCode }));
        });
    }

    /// <summary>
    /// Imports a one-row file for <paramref name="village"/>: a row outside the caller's area is
    /// refused alone, and counts here as the PERMISSION_DENIED a whole call would get.
    /// </summary>
    private static async Task ImportOneAsync(CallInvoker caller, string village)
    {
        var file = Encoding.UTF8.GetBytes(HouseholdExport.File(HouseholdExport.Row(HouseholdExport.NewHousehold(village))));
        var responses = await HouseholdExport.ImportAsync(caller, file);
        if (responses.FirstOrDefault(response => response.Rejection is not null)?.Rejection is { } rejection)
        {
            throw new RpcException(new Status(rejection.Reason == "OUTSIDE_AREA" ? StatusCode.PermissionDenied : StatusCode.Unknown, rejection.Reason));
        }

        if (responses[^1].Summary?.Registered != 1)
        {
            throw new InvalidOperationException("The import registered nothing.");
        }
    }
}
