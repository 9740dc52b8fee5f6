using Microfinance.Abstractions.Compensation;
using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;

namespace Microfinance.Grains.Compensation;

/// <inheritdoc cref="IClaimRegisterGrain"/>
public sealed class ClaimRegisterGrain(
    [PersistentState("claimregister", GrainStorage.Name)] IPersistentState<ClaimRegisterState> state) : Grain, IClaimRegisterGrain
{
    public async Task RecordAsync(ClaimSummary summary)
    {
        // A claim reports again after a retry or a reactivation; an older copy must not overwrite a newer one.
        if (state.State.Claims.TryGetValue(summary.LoanId, out var held) && held.Version >= summary.Version)
        {
            return;
        }

        state.State.Claims[summary.LoanId] = summary;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ClaimSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ClaimSummary>>(
            state.State.Claims.Values.OrderBy(claim => claim.LoanId, StringComparer.Ordinal).ToList());

    public Task<CompensationReport> GetReportAsync()
    {
        var claims = state.State.Claims.Values.ToList();
        var byStatus = Enum.GetValues<ClaimStatus>()
            .Select(status =>
            {
                var atStatus = claims.Where(claim => claim.Status == status).ToList();
                return new ClaimStatusTally(status, atStatus.Count, Money.Sum(atStatus.Select(claim => claim.ClaimedLoss)));
            })
            .ToList();
        return Task.FromResult(new CompensationReport(
            AdminCode.Parse(this.GetPrimaryKeyString()),
            byStatus,
            claims.Aggregate(RiskShares.None, (sum, claim) => claim.Shares is { } shares ? sum + shares : sum),
            Money.Sum(claims.Select(claim => claim.PaidFromFund)),
            Money.Sum(claims.Select(claim => claim.OwedByCountyBudget)),
            Money.Sum(claims.Select(claim => claim.Recovered)),
            claims.Aggregate(RiskShares.None, (sum, claim) => sum + claim.RecoveredShares),
            Money.Sum(claims.Select(claim => claim.SettledByCountyBudget))));
    }
}
