using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.LegalPersons;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;
using Microfinance.Domain.LegalPersons;
using Microfinance.Domain.Regions;

namespace Microfinance.Silo.Demo;

/// <summary>
/// Loads a small demo province so that a newcomer has something to query. Every call carries a
/// fixed request id, so seeding an already seeded (persistent) cluster changes nothing.
/// </summary>
public sealed class DemoProvinceSeeder(IGrainFactory grains, ILogger<DemoProvinceSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (code, name) in DemoProvince.Regions)
        {
            await grains.GetRegion(AdminCode.Parse(code)).CreateAsync(name, $"demo-region-{code}");
        }

        foreach (var household in DemoProvince.Households)
        {
            var profile = new HouseholdProfile(
                household.HeadName,
                ResidentId.Parse(household.HeadResidentId),
                [],
                household.Category,
                household.LaborCapacity,
                household.StarRating);
            await grains.GetGrain<IHouseholdGrain>(household.RegistryNumber)
                .RegisterAsync(AdminCode.Parse(household.Village), profile, $"demo-household-{household.RegistryNumber}");
        }

        foreach (var legalPerson in DemoProvince.LegalPersons)
        {
            await grains.GetGrain<ILegalPersonGrain>(legalPerson.CreditCode)
                .RegisterAsync(legalPerson.Profile, $"demo-legal-person-{legalPerson.CreditCode}");
        }

        logger.LogInformation(
            "Demo province loaded: {Regions} regions, {Households} households, {LegalPersons} legal persons",
            DemoProvince.Regions.Count, DemoProvince.Households.Count, DemoProvince.LegalPersons.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
