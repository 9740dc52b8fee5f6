using Microfinance.Abstractions.LegalPersons;
using Microfinance.Domain.Errors;
using Microfinance.Domain.LegalPersons;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.LegalPersons;

[Collection(ClusterCollection.Name)]
public sealed class LegalPersonGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task LegalPersonInAnUnregisteredCountyIsRefused()
    {
        var profile = new LegalPersonProfile("某合作社", LegalPersonKind.Cooperative, TestKeys.NewCounty(), "法人");
        var legalPerson = Grains.GetGrain<ILegalPersonGrain>(TestKeys.NewCreditCode().Value);

        var error = await Assert.ThrowsAsync<NotFoundException>(() => legalPerson.RegisterAsync(profile, "register"));

        Assert.Equal("COUNTY_NOT_FOUND", error.Reason);
        await Assert.ThrowsAsync<NotFoundException>(legalPerson.GetAsync);
    }

    [Fact]
    public async Task RegisteredLegalPersonCanBeRead()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var profile = new LegalPersonProfile("某家庭农场", LegalPersonKind.FamilyFarm, county, "法人");
        var code = TestKeys.NewCreditCode();
        var legalPerson = Grains.GetGrain<ILegalPersonGrain>(code.Value);

        var registered = await legalPerson.RegisterAsync(profile, "register");

        Assert.Equal(code, registered.CreditCode);
        Assert.Equal(registered, await legalPerson.GetAsync());
    }

    [Fact]
    public async Task ATakenCreditCodeIsRefused()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var profile = new LegalPersonProfile("某龙头企业", LegalPersonKind.LeadingEnterprise, county, "法人");
        var legalPerson = Grains.GetGrain<ILegalPersonGrain>(TestKeys.NewCreditCode().Value);
        await legalPerson.RegisterAsync(profile, "first");

        var error = await Assert.ThrowsAsync<AlreadyExistsException>(() => legalPerson.RegisterAsync(profile, "second"));

        Assert.Equal("LEGAL_PERSON_ALREADY_EXISTS", error.Reason);
    }
}
