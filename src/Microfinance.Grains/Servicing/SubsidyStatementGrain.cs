using System.Globalization;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Errors;
using Microfinance.Grains.Common;
using Microfinance.Grains.Events;
using Orleans.Serialization;

namespace Microfinance.Grains.Servicing;

/// <inheritdoc cref="ISubsidyStatementGrain"/>
public sealed class SubsidyStatementGrain(
    [PersistentState("subsidystatement", GrainStorage.Name)] IPersistentState<SubsidyStatementState> state,
    BusinessClock clock,
    Serializer serializer) : Grain, ISubsidyStatementGrain
{
    /// <remarks>
    /// A retry must not prepare again: the loans may have changed since, and the bank would get back
    /// a statement other than the one its first call made, with a second "prepared" event.
    /// </remarks>
    public async Task<SubsidyStatement> PrepareAsync(string actor, string requestId)
    {
        var (fundId, year, month) = Key();
        var content = RequestFingerprint.Of(serializer, nameof(PrepareAsync), actor);
        if (state.State.Requests.IsReplay(requestId, content, "subsidy statement"))
        {
            return await GetAsync();
        }

        if (state.State.Statement is { Status: SubsidyStatementStatus.Approved })
        {
            throw new RuleViolationException("STATEMENT_APPROVED", $"The {year}-{month:00} statement of {fundId} is approved and final.");
        }

        if (new DateOnly(year, month, DateTime.DaysInMonth(year, month)) >= clock.TodayIn(FundAccountId.CountyOf(fundId)))
        {
            throw new RuleViolationException("MONTH_NOT_OVER", $"{year}-{month:00} is not over; its subsidy is settled once it is.");
        }

        var loanIds = await GrainFactory.Get<ICountyBooksGrain>(FundAccountId.CountyOf(fundId).Value)
            .ListLoansAsync(FundAccountId.BankOf(fundId), year);
        var lines = await Task.WhenAll(loanIds.Select(id => GrainFactory.Get<ILoanGrain>(id).SubsidyForMonthAsync(year, month)));
        var statement = new SubsidyStatement(
            fundId, year, month, SubsidyStatementStatus.Prepared, [.. lines.Where(line => line.InterestAccrued.IsPositive)], actor, null, null);
        state.State.Statement = statement;
        state.State.Requests.Record(requestId, content);
        await state.WriteStateAsync();
        await this.PublishAsync(new SubsidyStatementPrepared(
            FundAccountId.CountyOf(fundId), clock.Now, fundId, year, month, statement.Lines.Count, statement.TotalSubsidy, actor));
        return statement;
    }

    public async Task<SubsidyStatement> ApproveAsync(string actor, string requestId)
    {
        var content = RequestFingerprint.Of(serializer, nameof(ApproveAsync), actor);
        var replay = state.State.Requests.IsReplay(requestId, content, "subsidy statement");
        var statement = state.State.Statement
            ?? throw new RuleViolationException("STATEMENT_NOT_PREPARED", "The statement must be prepared before the county approves it.");
        if (replay || statement.Status == SubsidyStatementStatus.Approved)
        {
            return statement;
        }

        var approved = statement with { Status = SubsidyStatementStatus.Approved, ApprovedBy = actor, ApprovedAt = clock.Now };
        state.State.Statement = approved;
        state.State.Requests.Record(requestId, content);
        await state.WriteStateAsync();
        await this.PublishAsync(new SubsidyStatementApproved(
            FundAccountId.CountyOf(approved.FundId), approved.ApprovedAt.Value, approved.FundId, approved.Year, approved.Month, approved.TotalSubsidy, actor));
        return approved;
    }

    public Task<SubsidyStatement> GetAsync()
    {
        var (fundId, year, month) = Key();
        return Task.FromResult(state.State.Statement
            ?? new SubsidyStatement(fundId, year, month, SubsidyStatementStatus.None, [], "", null, null));
    }

    /// <summary>The key <c>{fund id}:{yyyy-MM}</c> taken apart.</summary>
    private (string FundId, int Year, int Month) Key()
    {
        var key = this.GetPrimaryKeyString();
        var separator = key.LastIndexOf(':');
        var month = DateOnly.ParseExact(key[(separator + 1)..] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (key[..separator], month.Year, month.Month);
    }
}
