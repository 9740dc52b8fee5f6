using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.LegalPersons;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Identity;
using Microfinance.Grains.Common;
using Microfinance.Grains.Events;
using Orleans.Serialization;

namespace Microfinance.Grains.LegalPersons;

/// <inheritdoc cref="ILegalPersonGrain"/>
public sealed class LegalPersonGrain(
    [PersistentState("legalperson", GrainStorage.Name)] IPersistentState<LegalPersonState> state,
    BusinessClock clock,
    Serializer serializer) : Grain, ILegalPersonGrain
{
    private string Key => this.GetPrimaryKeyString();

    public async Task<LegalPersonRecord> RegisterAsync(LegalPersonProfile profile, string requestId)
    {
        var content = RequestFingerprint.Of(serializer, nameof(RegisterAsync), profile);
        if (state.State.Record is { } existing)
        {
            // Not echoing the registered name: a family farm's or a large household's is often its owner's.
            return state.State.Requests.IsReplay(requestId, content, "legal person")
                ? existing
                : throw new AlreadyExistsException(
                    "LEGAL_PERSON_ALREADY_EXISTS", $"Legal person {Key} is already registered.");
        }

        if (!await GrainFactory.Get<ICountyGrain>(profile.County.Value).ExistsAsync())
        {
            throw new NotFoundException("COUNTY_NOT_FOUND", $"County {profile.County} is not registered.");
        }

        var record = new LegalPersonRecord(UnifiedSocialCreditCode.Parse(Key), profile, clock.Now);
        state.State.Record = record;
        state.State.Requests.Record(requestId, content);
        await state.WriteStateAsync();
        await this.PublishAsync(new LegalPersonRegistered(profile.County, record.CreatedAt, Key, profile.Name, profile.Kind));
        return record;
    }

    public Task<LegalPersonRecord> GetAsync() => Task.FromResult(
        state.State.Record ?? throw new NotFoundException("LEGAL_PERSON_NOT_FOUND", $"Legal person {Key} is not registered."));
}
