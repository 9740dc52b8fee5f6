using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Quotas;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microfinance.Grains.Events;
using Microfinance.Grains.Quotas;
using Orleans.Serialization;

namespace Microfinance.Grains.Regions;

/// <summary>
/// Registration, child bookkeeping and quota shared by the four levels of the hierarchy. Each level
/// is its own grain type with its own state name, because the ADO.NET storage key leaves out the
/// grain type (dotnet/orleans #9737).
/// </summary>
/// <remarks>
/// Quota reservations interleave with every other call so that concurrent approvals share writes
/// (<see cref="GroupCommit"/>). Hence every method checks and changes state within one turn, and
/// every write goes through <see cref="Commit"/>.
/// </remarks>
public abstract class RegionGrain : Grain, IRegionGrain
{
    private readonly WorkingCopy<RegionState> _state;

    private readonly WorkingCopy<RegionChildren> _children;

    private readonly Serializer _serializer;

    /// <summary>Whether loans' confirmations and settlements wait for the next write.</summary>
    private bool _changesUnwritten;

    private ReservationSettlement? _settlement;

    protected RegionGrain(IPersistentState<RegionState> state, IPersistentState<RegionChildren> children, BusinessClock clock, Serializer serializer)
    {
        _state = new WorkingCopy<RegionState>(state, this);
        _children = new WorkingCopy<RegionChildren>(children, this);
        _serializer = serializer;
        Clock = clock;
        Commit = new GroupCommit(WriteAsync, DeactivateOnIdle);
        ChildrenCommit = new GroupCommit(_children.WriteAsync, DeactivateOnIdle);
    }

    protected BusinessClock Clock { get; }

    protected GroupCommit Commit { get; }

    /// <summary>Writes of the children's row, shared by concurrent registrations as <see cref="Commit"/> shares the region's.</summary>
    private GroupCommit ChildrenCommit { get; }

    protected QuotaState Quota => _state.Value.Quota;

    /// <summary>The registration and the quota changes applied lately.</summary>
    protected RequestLog Requests => _state.Value.Requests;

    protected AdminCode Code => AdminCode.Parse(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _settlement = new ReservationSettlement(Quota.Loans, GrainFactory);
        await MoveStoredChildrenAsync();
    }

    /// <summary>
    /// Moves children stored in the region's own row, as they were before they had a row of their
    /// own: written to theirs first, so a crash in between leaves them in both, and the next
    /// activation merges them again.
    /// </summary>
    private async Task MoveStoredChildrenAsync()
    {
        var stored = _state.Value.Children;
        if (stored.Count == 0)
        {
            return;
        }

        _children.Value.Keys = [.. _children.Value.Keys.Union(stored).Order(StringComparer.Ordinal)];
        await ChildrenCommit.WriteAsync();
        _state.Value.Children = [];
        await Commit.WriteAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_changesUnwritten)
        {
            await Commit.WriteAsync();
        }
    }

    /// <summary>Whether the region has a county's event stream: all but the province.</summary>
    private bool InCounty => Code.Level >= AdminLevel.County;

    public async Task<RegionRecord> CreateAsync(string name, string requestId)
    {
        if (_state.Value.Record is null && Code.Parent is { } parent && !await GrainFactory.GetRegion(parent).ExistsAsync())
        {
            throw new NotFoundException(
                "PARENT_REGION_NOT_FOUND", $"Parent region {parent} of {Code} is not registered.");
        }

        // Checked after the await: another call may have registered the region meanwhile.
        var content = Fingerprint(nameof(CreateAsync), name);
        if (_state.Value.Record is { } existing)
        {
            if (!Requests.IsReplay(requestId, content, "region"))
            {
                throw new AlreadyExistsException(
                    "REGION_ALREADY_EXISTS", $"Region {existing.Code} is already registered as {existing.Name}.");
            }

            // A replay may follow a crash between our write and the parent's: finish the listing.
            await ListWithParentAsync();
            return existing;
        }

        var record = new RegionRecord(Code, name, Clock.Now);
        _state.Value.Record = record;
        Requests.Record(requestId, content);
        await Commit.WriteAsync();
        await ListWithParentAsync();
        if (InCounty)
        {
            await this.PublishAsync(new RegionRegistered(Code.County, record.CreatedAt, Code, name));
        }

        return record;
    }

    public Task<RegionRecord> GetAsync() => Task.FromResult(Require());

    public Task<bool> ExistsAsync() => Task.FromResult(_state.Value.Record is not null);

    public async Task<RegionRecord> DesignateCreditAsync(bool designated, string document, string actor, string requestId)
    {
        var record = Require();
        var content = Fingerprint(nameof(DesignateCreditAsync), designated, document, actor);
        if (Requests.IsReplay(requestId, content, "region"))
        {
            return record;
        }

        if (Code.Level is not (AdminLevel.Township or AdminLevel.Village))
        {
            throw new RuleViolationException(
                "CREDIT_DESIGNATION_NOT_APPLICABLE", $"Region {Code} is a {Code.Level}; only a township or a village is a credit township or village.");
        }

        var updated = record with { Credit = designated ? new CreditDesignation(document, Clock.TodayIn(Code.County)) : null };
        _state.Value.Record = updated;
        Requests.Record(requestId, content);
        await Commit.WriteAsync();
        return updated;
    }

    public async Task<QuotaPosition> GetQuotaAsync()
    {
        Require();
        await SettleReservationsAsync();
        return Position();
    }

    public async Task<QuotaPosition> SetAllocationAsync(Money amount, string actor, string requestId)
    {
        Require();
        var content = Fingerprint(nameof(SetAllocationAsync), amount, actor);
        if (Requests.IsReplay(requestId, content, "region"))
        {
            return Position();
        }

        var committed = Quota.AllocatedToSubregions + Quota.Loans.Committed;
        if (amount < committed)
        {
            throw new RuleViolationException(
                "QUOTA_BELOW_COMMITTED", $"Region {Code} has {committed} committed; its quota cannot drop to {amount}.");
        }

        var change = new QuotaChange(Code.Value, amount, actor, Clock.Now, requestId);
        Quota.Allocated = amount;
        Requests.Record(requestId, content);
        Quota.Changes.Add(change);
        await Commit.WriteAsync();
        if (InCounty)
        {
            await this.PublishAsync(new QuotaAllocated(Code.County, change.At, Code, amount, actor));
        }

        return Position();
    }

    /// <summary>What a request to this region asks for (<see cref="RequestFingerprint"/>).</summary>
    protected RequestFingerprint Fingerprint(params ReadOnlySpan<object?> parts) => RequestFingerprint.Of(_serializer, parts);

    /// <summary>The quota position as callers see it.</summary>
    protected QuotaPosition Position()
    {
        return new QuotaPosition(Code, Quota.Allocated, Quota.AllocatedToSubregions, Quota.Loans.Reserved, Quota.Loans.Confirmed);
    }

    /// <summary>Adds a child key, keeping the list ordered; a key already present changes nothing.</summary>
    protected Task AddChildAsync(string key) => AddChildrenAsync([key]);

    /// <summary>Lists the children not listed yet, in one write (none when all were).</summary>
    protected async Task AddChildrenAsync(IEnumerable<string> keys)
    {
        Require();
        var children = _children.Value.Keys;
        var added = false;
        foreach (var key in keys)
        {
            var index = children.BinarySearch(key, StringComparer.Ordinal);
            if (index < 0)
            {
                children.Insert(~index, key);
                added = true;
            }
        }

        if (added)
        {
            await ChildrenCommit.WriteAsync();
        }
    }

    /// <summary>Whether <paramref name="key"/> is a registered child.</summary>
    protected bool HasChild(string key) => _children.Value.Keys.BinarySearch(key, StringComparer.Ordinal) >= 0;

    /// <summary>Up to <paramref name="pageSize"/> child keys ordered after <paramref name="after"/>.</summary>
    protected KeyPage PageOfChildren(string? after, int pageSize)
    {
        Require();
        var children = _children.Value.Keys;
        var start = 0;
        if (after is not null)
        {
            var index = children.BinarySearch(after, StringComparer.Ordinal);
            start = index >= 0 ? index + 1 : ~index;
        }

        var keys = children.Skip(start).Take(pageSize).ToList();
        var more = start + keys.Count < children.Count;
        return new KeyPage(keys, more ? keys[^1] : null);
    }

    /// <summary>
    /// Reserves part of the region's own quota for a loan; <paramref name="limit"/> is the part of
    /// the allocation such loans may hold. Idempotent by loan id.
    /// </summary>
    protected async Task ReserveLoanAsync(string loanId, Money amount, Money limit, DateTimeOffset expiresAt, string reason)
    {
        Require();
        if (Quota.Loans.Entries.ContainsKey(loanId))
        {
            return;
        }

        // Settled first, then checked and reserved in one turn: calls interleave while the loans answer.
        await SettleReservationsAsync();
        var added = Quota.Loans.Reserve(loanId, amount, expiresAt, committed =>
        {
            QuotaRule.CheckRoom(limit, committed, amount, reason);
            QuotaRule.CheckRoom(Quota.Allocated, committed + Quota.AllocatedToSubregions, amount, reason);
        });
        if (added)
        {
            await Commit.WriteAsync();
        }
    }

    /// <remarks>
    /// Written with the region's next write, or when it deactivates: should the silo die first, the
    /// reservation comes back unconfirmed and goes on counting against the quota until the next
    /// activation asks the loan and confirms it (<see cref="ReservationSettlement"/>).
    /// </remarks>
    protected Task ConfirmLoanAsync(string loanId)
    {
        Require();
        _changesUnwritten |= Quota.Loans.Confirm(loanId);
        return Task.CompletedTask;
    }

    protected async Task ReleaseLoanAsync(string loanId)
    {
        Require();
        if (Quota.Loans.Release(loanId))
        {
            await Commit.WriteAsync();
        }
    }

    /// <summary>Settles the reservations this activation cannot vouch for (<see cref="ReservationSettlement"/>).</summary>
    protected async Task SettleReservationsAsync() => _changesUnwritten |= await _settlement!.SettleAsync(Clock.Now);

    private Task WriteAsync()
    {
        _changesUnwritten = false;
        return _state.WriteAsync();
    }

    protected RegionRecord Require() =>
        _state.Value.Record ?? throw new NotFoundException("REGION_NOT_FOUND", $"Region {Code} is not registered.");

    private async Task ListWithParentAsync()
    {
        if (Code.Parent is { } parent)
        {
            await GrainFactory.GetParentRegion(parent)!.AddSubregionAsync(Code.Value);
        }
    }
}
