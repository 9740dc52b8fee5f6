using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microsoft.Extensions.Logging;

namespace Microfinance.Grains.Households;

/// <inheritdoc cref="ICountyRegistrySweepGrain"/>
/// <remarks>
/// Started by the county's books as they first close a day in an activation (every county with
/// loans closes its days hourly), which go on without waiting. Claims are idempotent, so a sweep
/// interrupted half-way simply runs again from the start when the books next ask.
/// </remarks>
public sealed class CountyRegistrySweepGrain(
    [PersistentState("registrysweep", GrainStorage.Name)] IPersistentState<CountyRegistrySweepState> state,
    ILogger<CountyRegistrySweepGrain> logger) : Grain, ICountyRegistrySweepGrain
{
    /// <summary>How many households are asked at once.</summary>
    private const int AtOnce = 64;

    public Task<RegistrySweep?> GetResultAsync() => Task.FromResult(state.State.Result);

    public async Task StartAsync()
    {
        if (state.State.Result is not null)
        {
            return;
        }

        var county = AdminCode.Parse(this.GetPrimaryKeyString());
        var households = new List<string>();
        foreach (var township in await KeyPages.ReadAllAsync(GrainFactory.Get<ICountyGrain>(county.Value).ListSubregionsAsync))
        {
            foreach (var village in await KeyPages.ReadAllAsync(GrainFactory.Get<ITownshipGrain>(township).ListSubregionsAsync))
            {
                households.AddRange(await KeyPages.ReadAllAsync(GrainFactory.Get<IVillageGrain>(village).ListHouseholdsAsync));
            }
        }

        var conflicts = new List<string>();
        foreach (var chunk in households.Chunk(AtOnce))
        {
            var claimed = await Task.WhenAll(chunk.Select(household => GrainFactory.Get<IHouseholdGrain>(household).ClaimPeopleAsync()));
            conflicts.AddRange(chunk.Zip(claimed).Where(pair => !pair.Second).Select(pair => pair.First));
        }

        state.State.Result = new RegistrySweep(households.Count, conflicts);
        await state.WriteStateAsync();
        if (conflicts.Count > 0)
        {
            // Registry numbers only: they name no person.
            logger.LogWarning(
                "County {County}: {Conflicts} of {Households} households list a person another household claimed first: {RegistryNumbers}",
                county, conflicts.Count, households.Count, string.Join(", ", conflicts));
        }
    }
}
