using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Households;
using Microfinance.Domain.Errors;

namespace Microfinance.Grains.Households;

/// <inheritdoc cref="IResidentIdClaimGrain"/>
public sealed class ResidentIdClaimGrain(
    [PersistentState("residentclaim", GrainStorage.Name)] IPersistentState<ResidentIdClaimState> state)
    : Grain, IResidentIdClaimGrain
{
    public async Task ClaimAsync(string registryNumber)
    {
        var holder = state.State.ClaimedBy;
        if (holder == registryNumber)
        {
            return;
        }

        if (holder is not null && await GrainFactory.Get<IHouseholdGrain>(holder).IsHeadedByClaimAsync(this.GetPrimaryKeyString()))
        {
            // The id is personal data and the message reaches logs and clients: name the household only.
            throw new AlreadyExistsException(
                "RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD", $"The head's resident id already heads household {holder}.");
        }

        state.State.ClaimedBy = registryNumber;
        await state.WriteStateAsync();
    }

    public async Task ReleaseAsync(string registryNumber)
    {
        if (state.State.ClaimedBy == registryNumber)
        {
            await state.ClearStateAsync();
        }
    }
}
