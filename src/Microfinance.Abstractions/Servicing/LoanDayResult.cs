namespace Microfinance.Abstractions.Servicing;

/// <summary>What closing a day did to one loan: a change to the tallies, if any, and when to visit it next.</summary>
[GenerateSerializer, Immutable, Alias("mf.LoanDayResult")]
public sealed record LoanDayResult(
    [property: Id(0)] LoanTallyDelta? Delta,
    [property: Id(1)] DateOnly? NextEventDate);
