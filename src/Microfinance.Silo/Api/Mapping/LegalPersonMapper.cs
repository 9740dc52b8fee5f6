using Google.Protobuf.WellKnownTypes;
using Microfinance.Abstractions.LegalPersons;
using Microfinance.Silo.Security;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>
/// Maps legal-person borrowers to the proto contract, the representative's name as
/// <see cref="PersonalDataView"/> lets the caller see it; the borrower's own name is a business's.
/// </summary>
public static class LegalPersonMapper
{
    public static Proto.LegalPerson ToProto(LegalPersonRecord legalPerson, PersonalDataView view) => new()
    {
        CreditCode = legalPerson.CreditCode.Value,
        Name = legalPerson.Profile.Name,
        Kind = ProtoEnums.ToProto(legalPerson.Profile.Kind),
        CountyCode = legalPerson.Profile.County.Value,
        RepresentativeName = view.Name(legalPerson.Profile.RepresentativeName),
        CreateTime = Timestamp.FromDateTimeOffset(legalPerson.CreatedAt),
    };
}
