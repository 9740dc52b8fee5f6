using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Events;

/// <summary>
/// Something that changed in a county, published on that county's stream once the change is
/// durable. Events carry the new figures rather than differences, so a dashboard that missed some
/// heals by taking a fresh snapshot and applying what follows.
/// </summary>
/// <param name="County">The county whose stream carries the event (12-digit code).</param>
/// <param name="OccurredAt">When the change was made, on the platform's business clock.</param>
[GenerateSerializer, Alias("mf.CountyEvent")]
public abstract record CountyEvent(
    [property: Id(0)] AdminCode County,
    [property: Id(1)] DateTimeOffset OccurredAt);
