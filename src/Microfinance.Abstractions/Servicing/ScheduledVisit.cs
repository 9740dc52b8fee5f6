namespace Microfinance.Abstractions.Servicing;

/// <summary>A loan to visit when a business day is closed.</summary>
[GenerateSerializer, Immutable, Alias("mf.ScheduledVisit")]
public sealed record ScheduledVisit(
    [property: Id(0)] string LoanId,
    [property: Id(1)] DateOnly Date);
