using Microfinance.Abstractions.Quotas;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Finance;

using Microfinance.Grains.Common;
using Orleans.Serialization;

namespace Microfinance.Grains.Regions;

/// <inheritdoc cref="ITownshipGrain"/>
public sealed class TownshipGrain(
    [PersistentState("township", GrainStorage.Name)] IPersistentState<RegionState> state,
    [PersistentState("townshipchildren", GrainStorage.Name)] IPersistentState<RegionChildren> children,
    BusinessClock clock,
    Serializer serializer) : ParentRegionGrain(state, children, clock, serializer), ITownshipGrain
{
    public Task ReserveLegalPersonShareAsync(string loanId, Money amount, decimal sharePercent, DateTimeOffset expiresAt) =>
        ReserveLoanAsync(
            loanId,
            amount,
            Quota.Allocated.Multiply(sharePercent / 100m, MidpointRounding.ToZero),
            expiresAt,
            "LEGAL_PERSON_SHARE_EXCEEDED");

    public Task ConfirmLegalPersonShareAsync(string loanId) => ConfirmLoanAsync(loanId);

    public Task ReleaseLegalPersonShareAsync(string loanId) => ReleaseLoanAsync(loanId);

    public async Task<QuotaPosition> GetLegalPersonShareAsync()
    {
        Require();
        await SettleReservationsAsync();
        return Position();
    }
}
