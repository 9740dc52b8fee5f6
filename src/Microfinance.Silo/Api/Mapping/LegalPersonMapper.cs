using Google.Protobuf.WellKnownTypes;
using Microfinance.Abstractions.LegalPersons;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>Maps legal-person borrowers to the proto contract.</summary>
public static class LegalPersonMapper
{
    public static Proto.LegalPerson ToProto(LegalPersonRecord legalPerson) => new()
    {
        CreditCode = legalPerson.CreditCode.Value,
        Name = legalPerson.Profile.Name,
        Kind = ProtoEnums.ToProto(legalPerson.Profile.Kind),
        CountyCode = legalPerson.Profile.County.Value,
        RepresentativeName = legalPerson.Profile.RepresentativeName,
        CreateTime = Timestamp.FromDateTimeOffset(legalPerson.CreatedAt),
    };
}
