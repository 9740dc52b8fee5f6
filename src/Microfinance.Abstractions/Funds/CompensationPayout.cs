using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Funds;

/// <summary>A fund's payout on one compensated loan.</summary>
/// <param name="FundShare">The fund's share of the approved loss (第二十二条).</param>
/// <param name="PaidFromFund">What the fund paid out of its balance: the share, or all the balance when it held less.</param>
/// <param name="OwedByCountyBudget">The rest of the share, owed by the county budget (第二十六条).</param>
/// <param name="ReleasedPrincipal">The loan's fund-backed principal taken off the fund's outstanding: the fund no longer backs it.</param>
/// <param name="RecordedAt">When the payout was recorded.</param>
[GenerateSerializer, Immutable, Alias("mf.CompensationPayout")]
public sealed record CompensationPayout(
    [property: Id(0)] Money FundShare,
    [property: Id(1)] Money PaidFromFund,
    [property: Id(2)] Money OwedByCountyBudget,
    [property: Id(3)] Money ReleasedPrincipal,
    [property: Id(4)] DateTimeOffset RecordedAt);
