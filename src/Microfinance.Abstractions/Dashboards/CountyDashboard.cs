using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Dashboards;

/// <summary>
/// A county's dashboard as it stands at <paramref name="Revision"/> of view <paramref name="ViewId"/>:
/// what a watcher starts from before the deltas that follow.
/// </summary>
/// <param name="Name">The county's name.</param>
/// <param name="LastClosed">The last business day the county closed; null before its books open.</param>
/// <param name="Quotas">The county's quota use, then its townships' and villages', in code order.</param>
/// <param name="Funds">The fund account of each cooperating bank, by bank code.</param>
/// <param name="Tallies">The overdue tallies, keyed as in <see cref="CountyBooks.Tallies"/>.</param>
/// <param name="Claims">The claims still in progress, by loan id.</param>
/// <param name="Season">What went out on each day of this year's lending season, in date order.</param>
/// <param name="LendingStopped">Whether new approvals are stopped, by the NPL stop or by hand.</param>
/// <param name="Figures">
/// The county's figures over the season, for the county, its townships and villages and its banks;
/// none while the county has no policy in force (it decides which households are eligible).
/// </param>
[GenerateSerializer, Immutable, Alias("mf.CountyDashboard")]
public sealed record CountyDashboard(
    [property: Id(0)] Guid ViewId,
    [property: Id(1)] long Revision,
    [property: Id(2)] long BooksRevision,
    [property: Id(3)] AdminCode County,
    [property: Id(4)] string Name,
    [property: Id(5)] DateOnly? LastClosed,
    [property: Id(6)] IReadOnlyList<RegionQuotaUse> Quotas,
    [property: Id(7)] IReadOnlyList<FundPosition> Funds,
    [property: Id(8)] IReadOnlyDictionary<string, Tally> Tallies,
    [property: Id(9)] IReadOnlyList<ClaimInProgress> Claims,
    [property: Id(10)] IReadOnlyList<LendingDay> Season,
    [property: Id(11)] bool LendingStopped,
    [property: Id(12)] IReadOnlyList<ScopeFigures> Figures);
