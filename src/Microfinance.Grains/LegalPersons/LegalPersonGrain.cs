using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.LegalPersons;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Identity;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Policies;
using Microfinance.Grains.Common;
using Microfinance.Grains.Events;
using Orleans.Serialization;

namespace Microfinance.Grains.LegalPersons;

/// <inheritdoc cref="ILegalPersonGrain"/>
/// <remarks>
/// Every change to the cap is written before it answers: a legal person borrows a few times a year,
/// so, unlike a household, it keeps no reservation in memory only.
/// </remarks>
public sealed class LegalPersonGrain(
    [PersistentState("legalperson", GrainStorage.Name)] IPersistentState<LegalPersonState> state,
    BusinessClock clock,
    Serializer serializer) : Grain, ILegalPersonGrain
{
    private ReservationSettlement? _settlement;

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _settlement = new ReservationSettlement(state.State.CapCommitments, GrainFactory);
        return Task.CompletedTask;
    }

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

    public Task<LegalPersonRecord> GetAsync() => Task.FromResult(Require());

    public async Task ReserveCapAsync(string loanId, Money amount, CountyPolicy policy, DateTimeOffset expiresAt)
    {
        Require();

        // Approvals that lapsed undisbursed free their room first.
        var settled = await _settlement!.SettleAsync(clock.Now, reservingFor: loanId);
        var reserved = state.State.CapCommitments.Reserve(
            loanId, amount, expiresAt, committed => LegalPersonCap.Check(policy, committed, amount));
        if (settled || reserved)
        {
            await state.WriteStateAsync();
        }
    }

    public Task ConfirmCapAsync(string loanId) => ChangeAsync(book => book.Confirm(loanId));

    public Task ReleaseCapAsync(string loanId) => ChangeAsync(book => book.Release(loanId));

    public Task RepayCapAsync(string loanId, int sequence, Money principal) =>
        ChangeAsync(book => book.ApplyRepayment(loanId, sequence, principal));

    private async Task ChangeAsync(Func<ReservationBook, bool> change)
    {
        Require();
        if (change(state.State.CapCommitments))
        {
            await state.WriteStateAsync();
        }
    }

    private LegalPersonRecord Require() =>
        state.State.Record ?? throw new NotFoundException("LEGAL_PERSON_NOT_FOUND", $"Legal person {Key} is not registered.");
}
