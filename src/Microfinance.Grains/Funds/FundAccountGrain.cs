using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Regions;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Compensation;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microfinance.Grains.Events;
using Orleans.Concurrency;
using Orleans.Serialization;

namespace Microfinance.Grains.Funds;

/// <inheritdoc cref="IFundAccountGrain"/>
/// <remarks>
/// Reentrant so that concurrent approvals against one fund share writes (<see cref="GroupCommit"/>):
/// every method checks and changes state within one turn, then awaits the commit. The principal it
/// backs is what its bank's pages of the county's loan book report (<see cref="BackedPrincipal"/>),
/// plus the reservations of approved loans it holds itself.
/// </remarks>
[Reentrant]
public sealed class FundAccountGrain : Grain, IFundAccountGrain
{
    private readonly WorkingCopy<FundAccountState> _state;
    private readonly BusinessClock _clock;
    private readonly GroupCommit _commit;
    private readonly Serializer _serializer;
    private readonly BackedPrincipal _outstanding = new();

    /// <summary>Whether reservations dropped by disbursements or settlements wait for the next write.</summary>
    private bool _changesUnwritten;

    private ReservationSettlement? _settlement;

    public FundAccountGrain(
        [PersistentState("fundaccount", GrainStorage.Name)] IPersistentState<FundAccountState> state,
        BusinessClock clock,
        Serializer serializer)
    {
        _state = new WorkingCopy<FundAccountState>(state, this);
        _clock = clock;
        _serializer = serializer;
        _commit = new GroupCommit(WriteAsync, DeactivateOnIdle);
    }

    private FundAccountState Fund => _state.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _settlement = new ReservationSettlement(Fund.Loans, GrainFactory, countedByLoanBook: true);
        if (Fund.Opened)
        {
            var pages = await GrainFactory.Get<ICountyBooksGrain>(Fund.County.Value).PageTalliesAsync(Fund.BankCode);
            foreach (var page in pages)
            {
                _outstanding.Take(page);
            }
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_changesUnwritten)
        {
            await _commit.WriteAsync();
        }
    }

    public async Task<FundPosition> OpenAsync(AdminCode county, string bankCode, string bankName, string actor, string requestId)
    {
        if (!Fund.Opened)
        {
            if (!await GrainFactory.Get<ICountyGrain>(county.Value).ExistsAsync())
            {
                throw new NotFoundException("COUNTY_NOT_FOUND", $"County {county} is not registered.");
            }

            // Listed before the account is written open, so that every open account is on the list.
            await GrainFactory.Get<ICountyFundsGrain>(county.Value).AddAsync(bankCode);
        }

        // Checked after the await: another call may have opened the account meanwhile.
        var content = RequestFingerprint.Of(_serializer, nameof(OpenAsync), county, bankCode, bankName, actor);
        if (Fund.Opened)
        {
            return Fund.Requests.IsReplay(requestId, content, "fund account")
                ? Position()
                : throw new AlreadyExistsException("FUND_ACCOUNT_ALREADY_EXISTS", $"Fund account {Id} is already open.");
        }

        Fund.Opened = true;
        Fund.County = county;
        Fund.BankCode = bankCode;
        Fund.BankName = bankName;
        Fund.Requests.Record(requestId, content);
        await _commit.WriteAsync();
        await this.PublishAsync(new FundAccountOpened(county, _clock.Now, Id, bankCode, bankName));
        return Position();
    }

    public async Task<FundPosition> RecordAsync(FundEntryKind kind, Money amount, string memo, string actor, string requestId)
    {
        Require();
        if (kind == FundEntryKind.CompensationPayout)
        {
            throw new ArgumentException("Payouts are recorded by PayCompensationAsync.", nameof(kind));
        }

        var content = RequestFingerprint.Of(_serializer, nameof(RecordAsync), kind, amount, memo, actor);
        if (Fund.Requests.IsReplay(requestId, content, "fund account"))
        {
            return Position();
        }

        MoneyBounds.CheckTotal(Balance, amount, "FUND_BALANCE_LIMIT_EXCEEDED", $"The balance of fund account {Id}");
        var entry = new FundLedgerEntry(Fund.Ledger.Count + 1, kind, amount, memo, actor, _clock.Now, requestId);
        Fund.Ledger.Add(entry);
        Fund.Requests.Record(requestId, content);

        // Taken in this turn: interleaving calls may post more entries before the write completes.
        var balanceAfter = Balance;
        await _commit.WriteAsync();
        await this.PublishAsync(new FundEntryPosted(Fund.County, entry.RecordedAt, Id, entry.Sequence, kind, amount, balanceAfter, memo));
        return Position();
    }

    public async Task<FundPosition> GetPositionAsync()
    {
        Require();
        _changesUnwritten |= await _settlement!.SettleAsync(_clock.Now);
        return Position();
    }

    public Task<IReadOnlyList<FundLedgerEntry>> GetLedgerAsync()
    {
        Require();
        return Task.FromResult<IReadOnlyList<FundLedgerEntry>>(Fund.Ledger);
    }

    public async Task ReserveAsync(string loanId, Money principal, int leverageMultiple, DateTimeOffset expiresAt)
    {
        Require();
        if (Fund.Loans.Entries.ContainsKey(loanId))
        {
            return;
        }

        // Settled first, then checked and reserved in one turn: calls interleave while the loans answer.
        _changesUnwritten |= await _settlement!.SettleAsync(_clock.Now);
        var balance = Balance;
        var outstanding = _outstanding.Total;
        var added = Fund.Loans.Reserve(loanId, principal, expiresAt, held =>
            Leverage.CheckHeadroom(leverageMultiple, balance, held + outstanding, principal));
        if (added)
        {
            // Taken only once the reservation passed: a refused loan leaves the fund as it was.
            Fund.LeverageMultiple = leverageMultiple;
            await _commit.WriteAsync();
        }
    }

    /// <remarks>
    /// Not written at once, but with the fund's next write or when it deactivates: should the silo
    /// die first, the reservation comes back and counts twice with the loan's page — less headroom,
    /// never more — until its loan settles it (<see cref="ReservationSettlement"/>).
    /// </remarks>
    public Task ConfirmAsync(string loanId)
    {
        Require();
        _changesUnwritten |= Fund.Loans.Release(loanId);
        return Task.CompletedTask;
    }

    public async Task ReleaseAsync(string loanId)
    {
        Require();
        if (Fund.Loans.Release(loanId))
        {
            await _commit.WriteAsync();
        }
    }

    public Task ReportAsync(LoanBookTally tally)
    {
        _outstanding.Take(tally);
        return Task.CompletedTask;
    }

    public async Task<CompensationPayout> PayCompensationAsync(string loanId, Money fundShare, Money backedPrincipal, string memo, string actor)
    {
        Require();
        if (Fund.Payouts.TryGetValue(loanId, out var paid))
        {
            return paid;
        }

        var (fromFund, owed) = FundShortfall.Split(fundShare, Balance);
        var payout = new CompensationPayout(fundShare, fromFund, owed, backedPrincipal, _clock.Now);
        Fund.Payouts[loanId] = payout;
        FundLedgerEntry? entry = null;
        if (fromFund.IsPositive)
        {
            entry = new FundLedgerEntry(
                Fund.Ledger.Count + 1, FundEntryKind.CompensationPayout, -fromFund, memo, actor, _clock.Now, $"compensation:{loanId}");
            Fund.Ledger.Add(entry);
        }

        var balanceAfter = Balance;
        await _commit.WriteAsync();
        if (entry is not null)
        {
            await this.PublishAsync(new FundEntryPosted(Fund.County, entry.RecordedAt, Id, entry.Sequence, entry.Kind, entry.Amount, balanceAfter, memo));
        }

        return payout;
    }

    private Task WriteAsync()
    {
        _changesUnwritten = false;
        return _state.WriteAsync();
    }

    private string Id => this.GetPrimaryKeyString();

    private Money Balance => new(Fund.Ledger.Sum(entry => entry.Amount.Fen));

    private void Require()
    {
        if (!Fund.Opened)
        {
            throw new NotFoundException("FUND_ACCOUNT_NOT_FOUND", $"Fund account {Id} is not open.");
        }
    }

    private FundPosition Position() => new(
        Id,
        Fund.County,
        Fund.BankCode,
        Fund.BankName,
        Balance,
        _outstanding.Total,
        Fund.Loans.Reserved,
        Fund.LeverageMultiple,
        Fund.Ledger.Count);
}
