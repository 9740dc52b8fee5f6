using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Households;
using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Regions;

/// <summary>A village (村): holds its households and the public notice board.</summary>
public interface IVillageGrain : IRegionGrain
{
    /// <summary>The most households one <see cref="ImportHouseholdsAsync"/> call takes.</summary>
    public const int MaxImportBatch = 1_000;

    /// <summary>Records a registered household; recording it again changes nothing.</summary>
    Task AddHouseholdAsync(string registryNumber);

    /// <summary>
    /// Registers a batch of the village's households, as a registry import does: each under the
    /// rules of <see cref="IHouseholdGrain.RegisterAsync"/>, with a request id made of
    /// <paramref name="requestId"/>, the registry number and a fingerprint of the household's
    /// content, so importing the same households again registers nothing twice, and one that
    /// differs from the household registered is refused <c>HOUSEHOLD_ALREADY_EXISTS</c>; all of
    /// them listed in the village in one write. A household is refused alone, with its
    /// reason: <c>REGISTRY_NUMBER_INVALID</c>, <c>HOUSEHOLD_REPEATED_IN_BATCH</c>, or what its
    /// registration refused (e.g. <c>HOUSEHOLD_ALREADY_EXISTS</c>). At most
    /// <see cref="MaxImportBatch"/> households; <c>REGION_NOT_FOUND</c> for a village not registered.
    /// </summary>
    Task<HouseholdImportReport> ImportHouseholdsAsync(IReadOnlyList<HouseholdRegistration> households, string requestId);

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
