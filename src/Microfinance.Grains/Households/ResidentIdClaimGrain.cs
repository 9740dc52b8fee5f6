using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Households;
using Microfinance.Domain.Errors;

namespace Microfinance.Grains.Households;

/// <inheritdoc cref="IResidentIdClaimGrain"/>
/// <remarks>
/// Asked only when a household registers or changes its people, so it leaves memory after each
/// call: a province's registry has millions of people, and their claims would otherwise sit idle in
/// the silos until collected.
/// </remarks>
public sealed class ResidentIdClaimGrain(
    [PersistentState("residentclaim", GrainStorage.Name)] IPersistentState<ResidentIdClaimState> state)
    : Grain, IResidentIdClaimGrain
{
    public async Task ClaimAsync(string registryNumber)
    {
        DeactivateOnIdle();
        var holder = state.State.ClaimedBy;
        if (holder == registryNumber)
        {
            return;
        }

        var holding = holder is null
            ? ClaimHolding.None
            : await GrainFactory.Get<IHouseholdGrain>(holder).HoldingOfClaimAsync(this.GetPrimaryKeyString());

        // The id is personal data and the message reaches logs and clients: name the household only.
        switch (holding)
        {
            case ClaimHolding.Head:
                throw new AlreadyExistsException(
                    "RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD", $"A resident id given for household {registryNumber} already heads household {holder}.");
            case ClaimHolding.Member:
                throw new AlreadyExistsException(
                    "RESIDENT_ID_ALREADY_IN_HOUSEHOLD", $"A resident id given for household {registryNumber} is already a member of household {holder}.");
        }

        state.State.ClaimedBy = registryNumber;
        await state.WriteStateAsync();
    }

    public async Task ReleaseAsync(string registryNumber)
    {
        DeactivateOnIdle();
        if (state.State.ClaimedBy == registryNumber)
        {
            await state.ClearStateAsync();
        }
    }
}
