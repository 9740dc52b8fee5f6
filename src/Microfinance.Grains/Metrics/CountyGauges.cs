using Microfinance.Abstractions.Compensation;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;

namespace Microfinance.Grains.Metrics;

/// <summary>One county's standing as the gauges read it.</summary>
/// <param name="QuotaAllocated">What the province allocated to the county.</param>
/// <param name="QuotaReserved">Held within the county by approved, not yet disbursed loans.</param>
/// <param name="QuotaUsed">Consumed within the county by disbursed loans.</param>
/// <param name="Funds">The county's open fund accounts.</param>
/// <param name="Loans">The county's tally from its books: loans and principal by overdue bucket.</param>
/// <param name="Claims">Claims and filed loss at every status.</param>
public sealed record CountyGauges(
    AdminCode County,
    Money QuotaAllocated,
    Money QuotaReserved,
    Money QuotaUsed,
    IReadOnlyList<FundPosition> Funds,
    Tally Loans,
    IReadOnlyList<ClaimStatusTally> Claims);
