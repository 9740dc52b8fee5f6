using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Households;
using Microfinance.Domain.Regions;
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

    public async Task<HouseholdImportReport> ImportHouseholdsAsync(IReadOnlyList<HouseholdRegistration> households, string requestId)
    {
        if (households.Count > IVillageGrain.MaxImportBatch)
        {
            throw new ArgumentOutOfRangeException(
                nameof(households), households.Count, $"An import batch holds at most {IVillageGrain.MaxImportBatch} households.");
        }

        Require();
        var village = AdminCode.Parse(this.GetPrimaryKeyString());
        var refused = new List<HouseholdRefusal>();
        var accepted = new List<HouseholdRegistration>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var household in households)
        {
            if (!RegistryNumber.TryParse(household.RegistryNumber, out var number, out var error))
            {
                refused.Add(new HouseholdRefusal(household.RegistryNumber, "REGISTRY_NUMBER_INVALID", $"The registry number {error}."));
            }
            else if (!seen.Add(number.Value))
            {
                refused.Add(new HouseholdRefusal(number.Value, "HOUSEHOLD_REPEATED_IN_BATCH", $"Household {number} appears more than once in the batch."));
            }
            else
            {
                accepted.Add(household with { RegistryNumber = number.Value });
            }
        }

        var attempts = await Task.WhenAll(accepted.Select(household => RegisterAsync(village, household, requestId)));
        refused.AddRange(attempts.Select(attempt => attempt.Refusal).OfType<HouseholdRefusal>());
        var listed = accepted.Where((_, index) => attempts[index].Refusal is null).Select(household => household.RegistryNumber).ToList();
        await AddChildrenAsync(listed);
        var registered = attempts.Count(attempt => attempt.Registered);
        return new HouseholdImportReport(registered, refused, listed.Count - registered);
    }

    public Task<KeyPage> ListHouseholdsAsync(string? afterRegistryNumber, int pageSize) =>
        Task.FromResult(PageOfChildren(afterRegistryNumber, pageSize));

    public Task ReserveQuotaAsync(string loanId, Money amount, DateTimeOffset expiresAt) =>
        ReserveLoanAsync(loanId, amount, Quota.Allocated, expiresAt, "VILLAGE_QUOTA_EXCEEDED");

    public Task ConfirmQuotaAsync(string loanId) => ConfirmLoanAsync(loanId);

    public Task ReleaseQuotaAsync(string loanId) => ReleaseLoanAsync(loanId);

    /// <summary>Registers one household of an import: whether this call registered it (not a replay), or its refusal.</summary>
    private async Task<(bool Registered, HouseholdRefusal? Refusal)> RegisterAsync(AdminCode village, HouseholdRegistration household, string requestId)
    {
        try
        {
            // The household's request id names what the row holds, so a row that differs from the
            // registered household is a new request (refused HOUSEHOLD_ALREADY_EXISTS), not a reused id.
            var content = Fingerprint(village, household.Profile);
            return (await GrainFactory.Get<IHouseholdGrain>(household.RegistryNumber)
                .RegisterForVillageAsync(village, household.Profile, $"{requestId}/{household.RegistryNumber}/{content.High:x16}{content.Low:x16}"), null);
        }
        catch (DomainException refusal)
        {
            return (false, new HouseholdRefusal(household.RegistryNumber, refusal.Reason, refusal.Message));
        }
    }
}
