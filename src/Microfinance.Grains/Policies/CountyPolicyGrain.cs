using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Policies;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microfinance.Grains.Events;
using Orleans.Serialization;

namespace Microfinance.Grains.Policies;

/// <inheritdoc cref="ICountyPolicyGrain"/>
public sealed class CountyPolicyGrain(
    [PersistentState("countypolicy", GrainStorage.Name)] IPersistentState<CountyPolicyState> state,
    BusinessClock clock,
    Serializer serializer) : Grain, ICountyPolicyGrain
{
    private PolicyHistory _history = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _history = state.State.Versions.Aggregate(new PolicyHistory(), (history, version) => history.With(version.Policy));
        return Task.CompletedTask;
    }

    public async Task<PolicyVersionRecord> AddVersionAsync(CountyPolicy policy, string actor, string requestId)
    {
        var content = RequestFingerprint.Of(serializer, nameof(AddVersionAsync), policy, actor);
        if (state.State.Requests.IsReplay(requestId, content, "county's policy"))
        {
            return state.State.Versions.First(v => v.RequestId == requestId);
        }

        if (!await GrainFactory.Get<ICountyGrain>(this.GetPrimaryKeyString()).ExistsAsync())
        {
            throw new NotFoundException("COUNTY_NOT_FOUND", $"County {this.GetPrimaryKeyString()} is not registered.");
        }

        if (policy.Validate() is { Count: > 0 } problems)
        {
            throw new RuleViolationException("POLICY_INVALID", $"The policy is invalid: {string.Join("; ", problems)}.");
        }

        var history = _history.With(policy);
        var record = new PolicyVersionRecord(policy, actor, clock.Now, requestId);
        state.State.Versions = [.. state.State.Versions.Append(record).OrderBy(v => v.Policy.EffectiveFrom)];
        state.State.Requests.Record(requestId, content);
        await state.WriteStateAsync();
        _history = history;
        await this.PublishAsync(new PolicyVersionRecorded(County, record.RecordedAt, policy, actor));
        return record;
    }

    public Task<IReadOnlyList<PolicyVersionRecord>> ListVersionsAsync() =>
        Task.FromResult<IReadOnlyList<PolicyVersionRecord>>(state.State.Versions);

    public Task<LendingTerms> GetLendingTermsAsync(DateOnly date) => Task.FromResult(Terms(date));

    public async Task<LendingTerms> SetLendingStopAsync(bool stopped, string reason, DateOnly today, string actor, string requestId)
    {
        // Refused before anything is written when no policy is in force (NO_POLICY_IN_FORCE), so a
        // caller never sees an error for a stop that was in fact recorded.
        Terms(today);
        var content = RequestFingerprint.Of(serializer, nameof(SetLendingStopAsync), stopped, reason, actor);
        if (!state.State.Requests.IsReplay(requestId, content, "county's policy"))
        {
            var stopReason = stopped ? $"{reason} (by {actor})" : null;
            var changed = state.State.LendingStopped != stopped || state.State.StopReason != stopReason;
            state.State.LendingStopped = stopped;
            state.State.StopReason = stopReason;
            state.State.Requests.Record(requestId, content);
            await state.WriteStateAsync();
            if (changed)
            {
                await PublishStopAsync(forNplRatio: false, stopped, state.State.StopReason);
            }
        }

        return Terms(today);
    }

    public async Task SetNplStopAsync(bool stopped, string reason)
    {
        // Day-close may say it again after a failure of its own: only a switch is news.
        var switched = state.State.NplStopReason is not null != stopped;
        state.State.NplStopReason = stopped ? reason : null;
        await state.WriteStateAsync();
        if (switched)
        {
            await PublishStopAsync(forNplRatio: true, stopped, state.State.NplStopReason);
        }
    }

    private AdminCode County => AdminCode.Parse(this.GetPrimaryKeyString());

    private Task PublishStopAsync(bool forNplRatio, bool stopped, string? reason) => this.PublishAsync(new LendingStopChanged(
        County, clock.Now, forNplRatio, stopped, reason, state.State.LendingStopped || state.State.NplStopReason is not null));

    private LendingTerms Terms(DateOnly date)
    {
        var manual = state.State.LendingStopped ? state.State.StopReason : null;
        var reasons = new[] { manual, state.State.NplStopReason }.OfType<string>().ToList();
        return new(_history.InForceOn(date), reasons.Count > 0, reasons.Count > 0 ? string.Join("; ", reasons) : null);
    }
}
