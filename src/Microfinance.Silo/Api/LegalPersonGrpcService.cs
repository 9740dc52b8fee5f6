using Grpc.Core;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.LegalPersons;
using Microfinance.Api.V1;
using Microfinance.Domain.Regions;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using Microfinance.Silo.Security;

namespace Microfinance.Silo.Api;

/// <summary>gRPC face of the legal-person borrower grains.</summary>
public sealed class LegalPersonGrpcService(IGrainFactory grains) : LegalPersonService.LegalPersonServiceBase
{
    private const int MaxNameLength = 100;
    private const int MaxPersonNameLength = 50;

    public override async Task<RegisterLegalPersonResponse> RegisterLegalPerson(
        RegisterLegalPersonRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var legalPerson = request.LegalPerson ?? new LegalPerson();
        var creditCode = check.CreditCode("legal_person.credit_code", legalPerson.CreditCode);
        var profile = new LegalPersonProfile(
            check.Text("legal_person.name", legalPerson.Name, MaxNameLength),
            check.Enum("legal_person.kind", ProtoEnums.ToDomain(legalPerson.Kind)),
            check.AdminCode("legal_person.county_code", legalPerson.CountyCode, AdminLevel.County),
            check.Text("legal_person.representative_name", legalPerson.RepresentativeName, MaxPersonNameLength));
        check.ThrowIfInvalid();

        var registered = await grains.Get<ILegalPersonGrain>(creditCode.Value).RegisterAsync(profile, requestId);
        return new RegisterLegalPersonResponse { LegalPerson = LegalPersonMapper.ToProto(registered, PersonalDataView.For(context.Caller())) };
    }

    public override async Task<GetLegalPersonResponse> GetLegalPerson(GetLegalPersonRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var creditCode = check.CreditCode("credit_code", request.CreditCode);
        check.ThrowIfInvalid();

        var legalPerson = await grains.Get<ILegalPersonGrain>(creditCode.Value).GetAsync();
        return new GetLegalPersonResponse { LegalPerson = LegalPersonMapper.ToProto(legalPerson, PersonalDataView.For(context.Caller())) };
    }
}
