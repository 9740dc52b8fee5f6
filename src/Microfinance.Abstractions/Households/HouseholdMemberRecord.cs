using System.Text;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;

namespace Microfinance.Abstractions.Households;

/// <summary>A member of a household other than its head.</summary>
/// <param name="Name">Full name.</param>
/// <param name="ResidentId">The member's resident id, when recorded.</param>
/// <param name="Relationship">How the member is related to the head.</param>
[GenerateSerializer, Immutable, Alias("mf.HouseholdMemberRecord")]
public sealed record HouseholdMemberRecord(
    [property: Id(0)] string Name,
    [property: Id(1)] ResidentId? ResidentId,
    [property: Id(2)] Relationship Relationship)
{
    // Masked, as HouseholdProfile's text is: a member's name and id must never reach a log.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Name = {PersonalDataMask.Name(Name)}, ResidentId = {ResidentId}, Relationship = {Relationship}");
        return true;
    }
}
