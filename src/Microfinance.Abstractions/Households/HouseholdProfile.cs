using System.Text;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;

namespace Microfinance.Abstractions.Households;

/// <summary>What the registry records about a household, apart from its key and village.</summary>
/// <param name="HeadName">The name of the head of household, the borrower of record.</param>
/// <param name="HeadResidentId">The head's resident id, which heads no other household.</param>
/// <param name="Members">The other members.</param>
/// <param name="Category">Standing in the poverty information system.</param>
/// <param name="LaborCapacity">The household's labour capacity.</param>
/// <param name="StarRating">Credit-union star rating (星级评定) 1–5; 0 while not rated.</param>
/// <param name="CreditHousehold">Whether the rural credit system's evaluation made it a credit household (信用户).</param>
[GenerateSerializer, Immutable, Alias("mf.HouseholdProfile")]
public sealed record HouseholdProfile(
    [property: Id(0)] string HeadName,
    [property: Id(1)] ResidentId HeadResidentId,
    [property: Id(2)] IReadOnlyList<HouseholdMemberRecord> Members,
    [property: Id(3)] HouseholdCategory Category,
    [property: Id(4)] LaborCapacity LaborCapacity,
    [property: Id(5)] int StarRating,
    [property: Id(6)] bool CreditHousehold = false)
{
    /// <summary>This profile with the parts that <paramref name="update"/> sets replaced.</summary>
    public HouseholdProfile Apply(HouseholdUpdate update) => new(
        update.HeadName ?? HeadName,
        update.HeadResidentId ?? HeadResidentId,
        update.Members ?? Members,
        update.Category ?? Category,
        update.LaborCapacity ?? LaborCapacity,
        update.StarRating ?? StarRating,
        update.CreditHousehold ?? CreditHousehold);

    /// <summary>Value equality, members compared in order (a record alone compares the list by reference).</summary>
    public bool Equals(HouseholdProfile? other) =>
        other is not null
        && HeadName == other.HeadName
        && HeadResidentId == other.HeadResidentId
        && Members.SequenceEqual(other.Members)
        && Category == other.Category
        && LaborCapacity == other.LaborCapacity
        && StarRating == other.StarRating
        && CreditHousehold == other.CreditHousehold;

    public override int GetHashCode() => HashCode.Combine(HeadResidentId, Members.Count, Category, StarRating);

    // The generated text masks the head's name and id and only counts the members: Orleans writes
    // a message's body into some log lines, and personal data must never reach a log.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"HeadName = {PersonalDataMask.Name(HeadName)}, HeadResidentId = {HeadResidentId}, Members = {Members.Count}, ");
        builder.Append($"Category = {Category}, LaborCapacity = {LaborCapacity}, StarRating = {StarRating}, CreditHousehold = {CreditHousehold}");
        return true;
    }
}
