using Microfinance.Abstractions.LegalPersons;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Identity;

using Microfinance.Grains.Common;

namespace Microfinance.Grains.LegalPersons;

/// <inheritdoc cref="ILegalPersonGrain"/>
public sealed class LegalPersonGrain(
    [PersistentState("legalperson", GrainStorage.Name)] IPersistentState<LegalPersonState> state,
    BusinessClock clock) : Grain, ILegalPersonGrain
{
    private string Key => this.GetPrimaryKeyString();

    public async Task<LegalPersonRecord> RegisterAsync(LegalPersonProfile profile, string requestId)
    {
        if (state.State.Record is { } existing)
        {
            return state.State.RegisteredByRequest == requestId
                ? existing
                : throw new AlreadyExistsException(
                    "LEGAL_PERSON_ALREADY_EXISTS", $"Legal person {Key} is already registered as {existing.Profile.Name}.");
        }

        if (!await GrainFactory.GetGrain<ICountyGrain>(profile.County.Value).ExistsAsync())
        {
            throw new NotFoundException("COUNTY_NOT_FOUND", $"County {profile.County} is not registered.");
        }

        state.State.Record = new LegalPersonRecord(UnifiedSocialCreditCode.Parse(Key), profile, clock.Now);
        state.State.RegisteredByRequest = requestId;
        await state.WriteStateAsync();
        return state.State.Record;
    }

    public Task<LegalPersonRecord> GetAsync() => Task.FromResult(
        state.State.Record ?? throw new NotFoundException("LEGAL_PERSON_NOT_FOUND", $"Legal person {Key} is not registered."));
}
