using System.Text;
using Microfinance.Domain.Identity;
using Microfinance.Domain.LegalPersons;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.LegalPersons;

/// <summary>What the registry records about a legal-person borrower.</summary>
/// <param name="Name">Registered name.</param>
/// <param name="Kind">The kind of business.</param>
/// <param name="County">The county it is registered in.</param>
/// <param name="RepresentativeName">Its legal representative (法定代表人).</param>
[GenerateSerializer, Immutable, Alias("mf.LegalPersonProfile")]
public sealed record LegalPersonProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] LegalPersonKind Kind,
    [property: Id(2)] AdminCode County,
    [property: Id(3)] string RepresentativeName)
{
    // The representative is a person: masked, so that no log line Orleans writes of a message shows the name.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Name = {Name}, Kind = {Kind}, County = {County}, RepresentativeName = {PersonalDataMask.Name(RepresentativeName)}");
        return true;
    }
}
