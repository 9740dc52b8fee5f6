using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Compensation;

/// <summary>Money the bank recovered from the borrower after compensation, and who gets it back (第二十三条).</summary>
/// <param name="Sequence">1 for the claim's first recovery, then 2, 3…</param>
/// <param name="RecoveredOn">The business date the money came in.</param>
/// <param name="Amount">What was recovered.</param>
/// <param name="Shares">Its split back, pro rata to the risk each side bore, or wholly the fund's through litigation; the fund's part is credited to its ledger.</param>
/// <param name="Note">E.g. the court's enforcement order; may be empty.</param>
/// <param name="ThroughLitigation">Recovered by a suit against a borrower who maliciously evaded the debt (第二十三条).</param>
public sealed record ClaimRecovery(
    int Sequence,
    DateOnly RecoveredOn,
    Money Amount,
    RiskShares Shares,
    string Note,
    string Actor,
    DateTimeOffset RecordedAt,
    string RequestId,
    bool ThroughLitigation);
