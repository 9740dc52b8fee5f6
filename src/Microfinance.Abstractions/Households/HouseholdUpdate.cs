using System.Text;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;

namespace Microfinance.Abstractions.Households;

/// <summary>A change to a household profile: each part that is null stays as it is.</summary>
[GenerateSerializer, Immutable, Alias("mf.HouseholdUpdate")]
public sealed record HouseholdUpdate(
    [property: Id(0)] string? HeadName,
    [property: Id(1)] ResidentId? HeadResidentId,
    [property: Id(2)] IReadOnlyList<HouseholdMemberRecord>? Members,
    [property: Id(3)] HouseholdCategory? Category,
    [property: Id(4)] LaborCapacity? LaborCapacity,
    [property: Id(5)] int? StarRating,
    [property: Id(6)] bool? CreditHousehold = null)
{
    // Masked, as HouseholdProfile's text is: a name or id must never reach a log.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"HeadName = {(HeadName is null ? "" : PersonalDataMask.Name(HeadName))}, HeadResidentId = {HeadResidentId}, ");
        builder.Append($"Members = {Members?.Count}, Category = {Category}, LaborCapacity = {LaborCapacity}, StarRating = {StarRating}, CreditHousehold = {CreditHousehold}");
        return true;
    }
}
