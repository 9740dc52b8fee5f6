using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Events;

/// <summary>The county closed a business day (日终); the tallies it changed were published before this.</summary>
/// <param name="Day">The business day closed.</param>
/// <param name="LoansVisited">How many loans the close visited.</param>
[GenerateSerializer, Immutable, Alias("mf.BusinessDayClosed")]
public sealed record BusinessDayClosed(
    AdminCode County,
    DateTimeOffset OccurredAt,
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] int LoansVisited) : CountyEvent(County, OccurredAt);
