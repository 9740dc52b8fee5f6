using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Microfinance.Silo.Security;

namespace Microfinance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class LegalPersonApiTests(ApiFixture fixture)
{
    private LegalPersonService.LegalPersonServiceClient LegalPersons => new(fixture.Channel);

    private static RegisterLegalPersonRequest Registration(string creditCode, string county) => new()
    {
        RequestId = Keys.NewRequestId(),
        LegalPerson = new LegalPerson
        {
            CreditCode = creditCode,
            Name = "富民县永定种养殖专业合作社",
            Kind = LegalPersonKind.Cooperative,
            CountyCode = county,
            RepresentativeName = "杨志刚",
        },
    };

    [Fact]
    public async Task DemoCooperativeCanBeRead()
    {
        var response = await LegalPersons.GetLegalPersonAsync(new GetLegalPersonRequest { CreditCode = "93530124MA6K7Q2P1C" });

        Assert.Equal(LegalPersonKind.Cooperative, response.LegalPerson.Kind);
        Assert.Equal("530124000000", response.LegalPerson.CountyCode);
    }

    [Theory]
    [InlineData("91350100M000100Y44")]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100I43")]
    public async Task AnInvalidCreditCodeIsAnInvalidArgumentNamingTheField(string creditCode)
    {
        var request = Registration(creditCode, "530124");

        var error = await Assert.ThrowsAsync<RpcException>(() => LegalPersons.RegisterLegalPersonAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["legal_person.credit_code"], error.ViolatedFields());
    }

    [Fact]
    public async Task ACountyCodeThatIsNotACountyIsAnInvalidArgument()
    {
        var request = Registration("91350100M000100Y43", "530124101");

        var error = await Assert.ThrowsAsync<RpcException>(() => LegalPersons.RegisterLegalPersonAsync(request).ResponseAsync);

        Assert.Equal(["legal_person.county_code"], error.ViolatedFields());
    }

    [Fact]
    public async Task RegistrationInAnUnknownCountyIsNotFound()
    {
        var request = Registration("91350100M000100Y43", "350102");

        var fujian = new LegalPersonService.LegalPersonServiceClient(
            fixture.ChannelWith(fixture.Tokens.Issue("fujian-office", Role.ProvinceAdministrator, ["35"])));

        var error = await Assert.ThrowsAsync<RpcException>(() => fujian.RegisterLegalPersonAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("COUNTY_NOT_FOUND", error.Reason());
    }

    [Fact]
    public async Task ARegisteredCreditCodeWithANewRequestIdIsAlreadyExists()
    {
        var request = Registration("93530124MA6K7Q2P1C", "530124");

        var error = await Assert.ThrowsAsync<RpcException>(() => LegalPersons.RegisterLegalPersonAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal("LEGAL_PERSON_ALREADY_EXISTS", error.Reason());
    }
}
