using Microfinance.Domain.Households;
using Microfinance.Domain.LegalPersons;
using Microfinance.Domain.Regions;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>Maps enums between the proto contract and the domain; unspecified or unknown proto values map to null.</summary>
public static class ProtoEnums
{
    public static Proto.RegionLevel ToProto(AdminLevel level) => level switch
    {
        AdminLevel.Province => Proto.RegionLevel.Province,
        AdminLevel.County => Proto.RegionLevel.County,
        AdminLevel.Township => Proto.RegionLevel.Township,
        AdminLevel.Village => Proto.RegionLevel.Village,
        _ => Proto.RegionLevel.Unspecified,
    };

    public static HouseholdCategory? ToDomain(Proto.HouseholdCategory category) => category switch
    {
        Proto.HouseholdCategory.RegisteredPoor => HouseholdCategory.RegisteredPoor,
        Proto.HouseholdCategory.EscapedPoverty => HouseholdCategory.EscapedPoverty,
        Proto.HouseholdCategory.Monitored => HouseholdCategory.Monitored,
        Proto.HouseholdCategory.FiveGuarantee => HouseholdCategory.FiveGuarantee,
        _ => null,
    };

    public static Proto.HouseholdCategory ToProto(HouseholdCategory category) => category switch
    {
        HouseholdCategory.RegisteredPoor => Proto.HouseholdCategory.RegisteredPoor,
        HouseholdCategory.EscapedPoverty => Proto.HouseholdCategory.EscapedPoverty,
        HouseholdCategory.Monitored => Proto.HouseholdCategory.Monitored,
        HouseholdCategory.FiveGuarantee => Proto.HouseholdCategory.FiveGuarantee,
        _ => Proto.HouseholdCategory.Unspecified,
    };

    public static LaborCapacity? ToDomain(Proto.LaborCapacity capacity) => capacity switch
    {
        Proto.LaborCapacity.Skilled => LaborCapacity.Skilled,
        Proto.LaborCapacity.Ordinary => LaborCapacity.Ordinary,
        Proto.LaborCapacity.Weak => LaborCapacity.Weak,
        Proto.LaborCapacity.None => LaborCapacity.None,
        _ => null,
    };

    public static Proto.LaborCapacity ToProto(LaborCapacity capacity) => capacity switch
    {
        LaborCapacity.Skilled => Proto.LaborCapacity.Skilled,
        LaborCapacity.Ordinary => Proto.LaborCapacity.Ordinary,
        LaborCapacity.Weak => Proto.LaborCapacity.Weak,
        LaborCapacity.None => Proto.LaborCapacity.None,
        _ => Proto.LaborCapacity.Unspecified,
    };

    public static Relationship? ToDomain(Proto.Relationship relationship) => relationship switch
    {
        Proto.Relationship.Spouse => Relationship.Spouse,
        Proto.Relationship.Child => Relationship.Child,
        Proto.Relationship.Parent => Relationship.Parent,
        Proto.Relationship.Grandchild => Relationship.Grandchild,
        Proto.Relationship.Other => Relationship.Other,
        _ => null,
    };

    public static Proto.Relationship ToProto(Relationship relationship) => relationship switch
    {
        Relationship.Spouse => Proto.Relationship.Spouse,
        Relationship.Child => Proto.Relationship.Child,
        Relationship.Parent => Proto.Relationship.Parent,
        Relationship.Grandchild => Proto.Relationship.Grandchild,
        Relationship.Other => Proto.Relationship.Other,
        _ => Proto.Relationship.Unspecified,
    };

    public static LegalPersonKind? ToDomain(Proto.LegalPersonKind kind) => kind switch
    {
        Proto.LegalPersonKind.Cooperative => LegalPersonKind.Cooperative,
        Proto.LegalPersonKind.FamilyFarm => LegalPersonKind.FamilyFarm,
        Proto.LegalPersonKind.LargeHousehold => LegalPersonKind.LargeHousehold,
        Proto.LegalPersonKind.LeadingEnterprise => LegalPersonKind.LeadingEnterprise,
        _ => null,
    };

    public static Proto.LegalPersonKind ToProto(LegalPersonKind kind) => kind switch
    {
        LegalPersonKind.Cooperative => Proto.LegalPersonKind.Cooperative,
        LegalPersonKind.FamilyFarm => Proto.LegalPersonKind.FamilyFarm,
        LegalPersonKind.LargeHousehold => Proto.LegalPersonKind.LargeHousehold,
        LegalPersonKind.LeadingEnterprise => Proto.LegalPersonKind.LeadingEnterprise,
        _ => Proto.LegalPersonKind.Unspecified,
    };
}
