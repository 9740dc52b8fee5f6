using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microfinance.Grains.Events;
using Orleans.Serialization;

namespace Microfinance.Grains.Households;

/// <inheritdoc cref="IHouseholdGrain"/>
public sealed class HouseholdGrain(
    [PersistentState("household", GrainStorage.Name)] IPersistentState<HouseholdState> state,
    BusinessClock clock,
    Serializer serializer,
    IResidentIdKey residentIdKey) : Grain, IHouseholdGrain
{
    /// <summary>Whether confirmations and settlements wait for the next write.</summary>
    private bool _changesUnwritten;

    private ReservationSettlement? _settlement;

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _settlement = new ReservationSettlement(state.State.CapCommitments, GrainFactory, borrower: Key, listedLoans: state.State.LoanIds);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_changesUnwritten)
        {
            await WriteAsync();
        }
    }

    public async Task<HouseholdRecord> RegisterAsync(AdminCode village, HouseholdProfile profile, string requestId)
    {
        var villageGrain = VillageOf(village);
        if (state.State.Record is null && !await villageGrain.ExistsAsync())
        {
            throw new NotFoundException("VILLAGE_NOT_FOUND", $"Village {village} is not registered.");
        }

        var (record, replayed) = await RegisterInAsync(village, profile, requestId);

        // A replay may follow a crash between our write and the village's: the listing is finished either way.
        await villageGrain.AddHouseholdAsync(Key);
        if (!replayed)
        {
            await PublishRegisteredAsync(record);
        }

        return record;
    }

    public async Task<bool> RegisterForVillageAsync(AdminCode village, HouseholdProfile profile, string requestId)
    {
        try
        {
            var (record, replayed) = await RegisterInAsync(village, profile, requestId);
            if (!replayed)
            {
                await PublishRegisteredAsync(record);
            }

            return !replayed;
        }
        finally
        {
            DeactivateOnIdle();
        }
    }

    /// <summary>Registers the household durably, or recognises the replay of its registration; the caller lists and announces it.</summary>
    private async Task<(HouseholdRecord Record, bool Replayed)> RegisterInAsync(AdminCode village, HouseholdProfile profile, string requestId)
    {
        var content = RequestFingerprint.Of(serializer, nameof(RegisterAsync), village, profile);
        if (state.State.Record is { } existing)
        {
            if (!state.State.Requests.IsReplay(requestId, content, "household"))
            {
                throw new AlreadyExistsException(
                    "HOUSEHOLD_ALREADY_EXISTS", $"Household {Key} is already registered in village {existing.Village}.");
            }

            return (existing, true);
        }

        await ClaimAllAsync(People(profile));

        var now = clock.Now;
        var record = new HouseholdRecord(RegistryNumber.Parse(Key), village, profile, now, now);
        state.State.Record = record;
        state.State.Requests.Record(requestId, content);
        await WriteAsync();
        return (record, false);
    }

    private Task PublishRegisteredAsync(HouseholdRecord record) => this.PublishAsync(new HouseholdRegistered(
        record.Village.County, record.CreatedAt, Key, record.Village, record.Profile.Category, record.Profile.LaborCapacity,
        record.Profile.StarRating, MemberCount(record.Profile)));

    public async Task<HouseholdRecord> UpdateAsync(HouseholdUpdate update, string requestId)
    {
        var record = Require();
        var content = RequestFingerprint.Of(serializer, nameof(UpdateAsync), update);
        if (state.State.Requests.IsReplay(requestId, content, "household"))
        {
            return record;
        }

        var profile = record.Profile.Apply(update);
        var before = People(record.Profile);
        var after = People(profile);
        await ClaimAllAsync([.. after.Except(before)]);

        var updated = record with { Profile = profile, UpdatedAt = clock.Now };
        state.State.Record = updated;
        state.State.Requests.Record(requestId, content);
        await WriteAsync();

        // After the durable write: should a release be lost, the claim is stale and the next
        // claimant takes it over (IResidentIdClaimGrain asks HoldingOfClaimAsync).
        foreach (var gone in before.Except(after))
        {
            await ClaimOf(gone).ReleaseAsync(Key);
        }

        await this.PublishAsync(new HouseholdUpdated(
            updated.Village.County, updated.UpdatedAt, Key, updated.Village, profile.Category, profile.LaborCapacity, profile.StarRating, MemberCount(profile)));
        return updated;
    }

    public Task<HouseholdRecord> GetAsync() => Task.FromResult(Require());

    public Task<ClaimHolding> HoldingOfClaimAsync(string claimKey)
    {
        var profile = state.State.Record?.Profile;
        return Task.FromResult(
            profile is null ? ClaimHolding.None
            : residentIdKey.Of(profile.HeadResidentId) == claimKey ? ClaimHolding.Head
            : profile.Members.Any(member => member.ResidentId is { } id && residentIdKey.Of(id) == claimKey) ? ClaimHolding.Member
            : ClaimHolding.None);
    }

    public async Task RecordApplicationAsync(string loanId)
    {
        Require();
        if (!state.State.LoanIds.Contains(loanId))
        {
            state.State.LoanIds.Add(loanId);
            await WriteAsync();
        }
    }

    public async Task<CapReservation> ReserveCapAsync(string loanId, Money amount, CountyPolicy policy, DateTimeOffset expiresAt)
    {
        Require();

        // What the other loans hold decides this one's split too, so it is settled before a replay answers.
        await SettleBeforeReservingAsync(loanId);
        var commitments = state.State.CapCommitments;
        if (commitments.Entries.TryGetValue(loanId, out var held))
        {
            return Split(policy, commitments.Committed - held.Amount, held.Amount, creditLine: null);
        }

        // 第九条: a past bad record is allowed, an outstanding non-performing loan is not.
        if (state.State.NonPerformingLoans.Count > 0)
        {
            throw new RuleViolationException(
                "OUTSTANDING_NON_PERFORMING_LOAN",
                $"Household {Key} has an outstanding non-performing loan ({string.Join(", ", state.State.NonPerformingLoans)}).");
        }

        var creditLine = await CreditLineAsync(policy);
        CapReservation? reservation = null;
        commitments.Reserve(loanId, amount, expiresAt, committed => reservation = Split(policy, committed, amount, creditLine));
        if (state.State.LoanIds.Contains(loanId))
        {
            // Listed durably when applied for: lost with a silo before it is written, the reservation
            // is restored from the loan, which holds the approval (ReservationSettlement).
            _changesUnwritten = true;
        }
        else
        {
            // A legal-person loan's share: this household does not know the loan otherwise.
            state.State.LoanIds.Add(loanId);
            await WriteAsync();
        }

        return reservation!;
    }

    public async Task<Money> CapRoomAsync(string loanId, CountyPolicy policy)
    {
        Require();
        await SettleBeforeReservingAsync(loanId);
        if (state.State.NonPerformingLoans.Count > 0)
        {
            return Money.Zero;
        }

        var creditLine = await CreditLineAsync(policy);
        var commitments = state.State.CapCommitments;
        var heldByThisLoan = commitments.Entries.TryGetValue(loanId, out var held) ? held.Amount : Money.Zero;
        return HouseholdCap.Room(policy, commitments.Committed - heldByThisLoan, creditLine);
    }

    /// <remarks>
    /// Written with the household's next write, or when it deactivates: should the silo die first,
    /// the reservation comes back unconfirmed and goes on counting against the cap until the next
    /// activation asks the loan and confirms it (<see cref="ReservationSettlement"/>).
    /// </remarks>
    public Task ConfirmCapAsync(string loanId)
    {
        Require();
        _changesUnwritten |= state.State.CapCommitments.Confirm(loanId);
        return Task.CompletedTask;
    }

    public async Task ReleaseCapAsync(string loanId)
    {
        Require();
        if (state.State.CapCommitments.Release(loanId))
        {
            await WriteAsync();
        }
    }

    public async Task RepayCapAsync(string loanId, int sequence, Money principal)
    {
        Require();
        if (state.State.CapCommitments.ApplyRepayment(loanId, sequence, principal))
        {
            await WriteAsync();
        }
    }

    public async Task TakeOverLoansAsync(IReadOnlyList<TakenOverLoan> loans)
    {
        // Only a loan-book import calls this, for hundreds of thousands of households: none stays in memory for it.
        DeactivateOnIdle();
        Require();
        var listed = false;
        foreach (var loan in loans.Where(loan => !state.State.LoanIds.Contains(loan.LoanId)))
        {
            state.State.LoanIds.Add(loan.LoanId);
            listed = true;
        }

        if (state.State.CapCommitments.TakeOver(loans, clock.Now) | listed)
        {
            await WriteAsync();
        }
    }

    public async Task MarkNonPerformingAsync(string loanId, bool nonPerforming)
    {
        Require();
        var changed = nonPerforming
            ? state.State.NonPerformingLoans.Add(loanId)
            : state.State.NonPerformingLoans.Remove(loanId);
        if (changed)
        {
            await WriteAsync();
        }
    }

    public async Task<IReadOnlyList<HouseholdLoan>> ListLoansAsync()
    {
        Require();
        var now = clock.Now;
        _changesUnwritten |= await _settlement!.SettleAsync(now);
        var commitments = state.State.CapCommitments.Entries;
        IReadOnlyList<HouseholdLoan> loans = state.State.LoanIds.Select(loanId =>
        {
            var status = commitments.TryGetValue(loanId, out var held)
                ? held.Confirmed ? HouseholdLoanStatus.Disbursed
                : held.ExpiresAt > now ? HouseholdLoanStatus.Reserved : HouseholdLoanStatus.Released
                : HouseholdLoanStatus.Applied;
            var committed = status is HouseholdLoanStatus.Reserved or HouseholdLoanStatus.Disbursed ? held!.Amount : Money.Zero;
            return new HouseholdLoan(loanId, committed, status, state.State.NonPerformingLoans.Contains(loanId));
        }).ToList();
        return loans;
    }

    /// <summary>The head and the other members.</summary>
    private static int MemberCount(HouseholdProfile profile) => 1 + profile.Members.Count;

    /// <summary>Settles what the other loans hold, for a loan about to reserve; refuses while a loan cannot yet answer.</summary>
    private async Task SettleBeforeReservingAsync(string loanId)
    {
        _changesUnwritten |= await _settlement!.SettleAsync(clock.Now, reservingFor: loanId);
        if (!_settlement.VouchesForEveryLoan)
        {
            throw new TryAgainException(
                "HOUSEHOLD_CAP_SETTLING", $"Household {Key} is still settling what its loans hold after a restart; send the request again.");
        }
    }

    /// <summary>
    /// The household's credit line under <paramref name="policy"/>'s lines, by its star rating and
    /// whether its village is a credit village (信用村); null when the policy sets none.
    /// </summary>
    private async Task<Money?> CreditLineAsync(CountyPolicy policy)
    {
        if (policy.CreditLines is not { } lines)
        {
            return null;
        }

        var record = Require();
        var village = await VillageOf(record.Village).GetAsync();
        return lines.LineFor(record.Profile.StarRating, village.Credit is not null);
    }

    /// <param name="creditLine">The line to hold a new reservation to; null for one already held, which passed it when made.</param>
    private CapReservation Split(CountyPolicy policy, Money committed, Money amount, Money? creditLine)
    {
        var split = HouseholdCap.Split(policy, committed, amount, Key, creditLine);
        return new CapReservation(split.WithinBaseCap, split.AboveBaseCap);
    }

    private HouseholdRecord Require() =>
        state.State.Record ?? throw new NotFoundException("HOUSEHOLD_NOT_FOUND", $"Household {Key} is not registered.");

    private IVillageGrain VillageOf(AdminCode village) => GrainFactory.Get<IVillageGrain>(village.Value);

    /// <summary>Everyone the profile lists with a resident id: its head, then its members.</summary>
    private static IReadOnlyList<ResidentId> People(HouseholdProfile profile) =>
        [profile.HeadResidentId, .. profile.Members.Select(member => member.ResidentId).OfType<ResidentId>()];

    public async Task<bool> ClaimPeopleAsync()
    {
        if (state.State.Record is not { } record)
        {
            return true;
        }

        var clear = true;
        foreach (var person in People(record.Profile))
        {
            try
            {
                await ClaimOf(person).ClaimAsync(Key);
            }
            catch (AlreadyExistsException)
            {
                clear = false;
            }
        }

        return clear;
    }

    /// <summary>
    /// Claims each person for this household, or none: a claim refused (the person belongs to
    /// another household) gives back the ones this call took before the refusal propagates.
    /// </summary>
    private async Task ClaimAllAsync(IReadOnlyList<ResidentId> people)
    {
        var claimed = new List<ResidentId>();
        try
        {
            foreach (var person in people)
            {
                await ClaimOf(person).ClaimAsync(Key);
                claimed.Add(person);
            }
        }
        catch (AlreadyExistsException)
        {
            foreach (var person in claimed)
            {
                await ClaimOf(person).ReleaseAsync(Key);
            }

            throw;
        }
    }

    private IResidentIdClaimGrain ClaimOf(ResidentId residentId) =>
        GrainFactory.Get<IResidentIdClaimGrain>(residentIdKey.Of(residentId));

    private Task WriteAsync()
    {
        _changesUnwritten = false;
        return state.WriteStateAsync();
    }
}
