using Microfinance.Abstractions.Common;
using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Regions;

/// <summary>A village (村): holds its households and the public notice board.</summary>
public interface IVillageGrain : IRegionGrain
{
    /// <summary>Records a registered household; recording it again changes nothing.</summary>
    Task AddHouseholdAsync(string registryNumber);

    /// <summary>The registry numbers after <paramref name="afterRegistryNumber"/>, in order.</summary>
    [AlwaysInterleave]
    Task<KeyPage> ListHouseholdsAsync(string? afterRegistryNumber, int pageSize);

    /// <summary>
    /// Holds village quota for an approved loan until <paramref name="expiresAt"/>; fails with
    /// <c>VILLAGE_QUOTA_EXCEEDED</c> ("不得超指标限额投放"). Idempotent by loan id.
    /// </summary>
    [AlwaysInterleave]
    Task ReserveQuotaAsync(string loanId, Money amount, DateTimeOffset expiresAt);

    /// <summary>Turns the loan's reservation into used quota. Idempotent by loan id.</summary>
    [AlwaysInterleave]
    Task ConfirmQuotaAsync(string loanId);

    /// <summary>Drops the loan's reservation, if it holds one. Idempotent by loan id.</summary>
    [AlwaysInterleave]
    Task ReleaseQuotaAsync(string loanId);
}
