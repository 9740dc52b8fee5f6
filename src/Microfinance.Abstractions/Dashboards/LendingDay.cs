using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Dashboards;

/// <summary>What a county disbursed on one business day of the season: the points of its lending-progress chart.</summary>
/// <param name="Day">The disbursement date.</param>
/// <param name="Loans">How many loans went out that day.</param>
/// <param name="Disbursed">Their principal.</param>
[GenerateSerializer, Immutable, Alias("mf.LendingDay")]
public sealed record LendingDay(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] int Loans,
    [property: Id(2)] Money Disbursed);
