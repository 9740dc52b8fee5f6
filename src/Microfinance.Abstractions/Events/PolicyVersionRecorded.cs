using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Events;

/// <summary>
/// The county recorded a policy version; it governs loans approved from its
/// <see cref="CountyPolicy.EffectiveFrom"/> until the next version's.
/// </summary>
/// <param name="Policy">The version.</param>
/// <param name="Actor">Who recorded it.</param>
[GenerateSerializer, Immutable, Alias("mf.PolicyVersionRecorded")]
public sealed record PolicyVersionRecorded(
    AdminCode County,
    DateTimeOffset OccurredAt,
    [property: Id(0)] CountyPolicy Policy,
    [property: Id(1)] string Actor) : CountyEvent(County, OccurredAt);
