using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Policies;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;
using Microfinance.Grains.Common;

namespace Microfinance.Grains.Servicing;

/// <inheritdoc cref="ICountyDeferralsGrain"/>
/// <remarks>
/// The deferral is stored before any loan hears of it, and each loan applies it once by its id; so
/// a declaration interrupted half-way is finished by the caller's retry, and counts every loan once.
/// </remarks>
public sealed class CountyDeferralsGrain(
    [PersistentState("countydeferrals", GrainStorage.Name)] IPersistentState<CountyDeferralsState> state,
    BusinessClock clock) : Grain, ICountyDeferralsGrain
{
    /// <summary>How many loans are told at once: enough to overlap their writes, few enough not to flood the silo.</summary>
    private const int LoansAtOnce = 256;

    private AdminCode County => AdminCode.Parse(this.GetPrimaryKeyString());

    public async Task<RepaymentDeferral> DeclareAsync(DateOnly from, DateOnly through, int months, string reason, string actor, string requestId)
    {
        // The deferral keeps its request id as its own, for as long as the county keeps it: it is
        // found by that id rather than in a RequestLog, which would forget it.
        var deferral = state.State.Deferrals.Find(d => d.Id == requestId);
        if (deferral is not null && (deferral.From, deferral.Through, deferral.Months, deferral.Reason, deferral.Actor) != (from, through, months, reason, actor))
        {
            throw RequestLog.Reused(requestId, "county's deferrals");
        }

        if (deferral is null)
        {
            var terms = await GrainFactory.Get<ICountyPolicyGrain>(County.Value).GetLendingTermsAsync(clock.TodayIn(County));
            DeferralRule.Check(terms.Policy, from, through, months);
            deferral = new RepaymentDeferral(requestId, from, through, months, reason, actor, clock.Now, 0, false);
            state.State.Deferrals.Add(deferral);
            await state.WriteStateAsync();
        }

        return deferral.Completed ? deferral : await ApplyAsync(deferral);
    }

    public Task<IReadOnlyList<RepaymentDeferral>> ListAsync() =>
        Task.FromResult<IReadOnlyList<RepaymentDeferral>>([.. state.State.Deferrals]);

    private async Task<RepaymentDeferral> ApplyAsync(RepaymentDeferral deferral)
    {
        var deferred = 0;
        foreach (var bankCode in (await GrainFactory.Get<ICountyBooksGrain>(County.Value).GetAsync()).BankCodes)
        {
            var loanIds = await GrainFactory.Get<ICountyBooksGrain>(County.Value).ListLoansAsync(bankCode, clock.TodayIn(County).Year);
            foreach (var chunk in loanIds.Chunk(LoansAtOnce))
            {
                var applied = await Task.WhenAll(chunk.Select(id => GrainFactory.Get<ILoanGrain>(id).DeferAsync(deferral)));
                deferred += applied.Count(a => a);
            }
        }

        var completed = deferral with { LoansDeferred = deferred, Completed = true };
        state.State.Deferrals[state.State.Deferrals.IndexOf(deferral)] = completed;
        await state.WriteStateAsync();
        return completed;
    }
}
