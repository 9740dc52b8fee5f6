using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Finance;

using Microfinance.Grains.Common;
using Orleans.Serialization;

namespace Microfinance.Grains.Regions;

/// <inheritdoc cref="IVillageGrain"/>
public sealed class VillageGrain(
    [PersistentState("village", GrainStorage.Name)] IPersistentState<RegionState> state,
    [PersistentState("villagechildren", GrainStorage.Name)] IPersistentState<RegionChildren> children,
    BusinessClock clock,
    Serializer serializer) : RegionGrain(state, children, clock, serializer), IVillageGrain
{
    public Task AddHouseholdAsync(string registryNumber) => AddChildAsync(registryNumber);

    public Task<KeyPage> ListHouseholdsAsync(string? afterRegistryNumber, int pageSize) =>
        Task.FromResult(PageOfChildren(afterRegistryNumber, pageSize));

    public Task ReserveQuotaAsync(string loanId, Money amount, DateTimeOffset expiresAt) =>
        ReserveLoanAsync(loanId, amount, Quota.Allocated, expiresAt, "VILLAGE_QUOTA_EXCEEDED");

    public Task ConfirmQuotaAsync(string loanId) => ConfirmLoanAsync(loanId);

    public Task ReleaseQuotaAsync(string loanId) => ReleaseLoanAsync(loanId);
}
