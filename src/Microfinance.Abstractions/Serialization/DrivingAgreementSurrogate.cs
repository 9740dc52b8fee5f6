using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of a driving agreement: the fields and ids its record had when it was itself serialized as <c>mf.DrivingAgreement</c>.</summary>
[GenerateSerializer, Alias("mf.DrivingAgreement.Surrogate")]
public struct DrivingAgreementSurrogate
{
    [Id(0)]
    public AdminCode Township;

    [Id(1)]
    public IReadOnlyList<string> DrivenHouseholds;
}
