using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Compensation;

/// <summary>Money the bank recovered from the borrower after compensation, and who gets it back (第二十三条).</summary>
/// <param name="Sequence">1 for the claim's first recovery, then 2, 3…</param>
/// <param name="RecoveredOn">The business date the money came in.</param>
/// <param name="Amount">What was recovered.</param>
/// <param name="Shares">Its split back, pro rata to the risk each side bore; the fund's part is credited to its ledger.</param>
/// <param name="Note">E.g. the court's enforcement order; may be empty.</param>
[GenerateSerializer, Immutable, Alias("mf.ClaimRecovery")]
public sealed record ClaimRecovery(
    [property: Id(0)] int Sequence,
    [property: Id(1)] DateOnly RecoveredOn,
    [property: Id(2)] Money Amount,
    [property: Id(3)] RiskShares Shares,
    [property: Id(4)] string Note,
    [property: Id(5)] string Actor,
    [property: Id(6)] DateTimeOffset RecordedAt,
    [property: Id(7)] string RequestId);
