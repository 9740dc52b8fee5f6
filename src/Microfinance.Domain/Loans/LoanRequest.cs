namespace Microfinance.Domain.Loans;

/// <summary>Who asked for a step of a loan's life, on which request, and when: what its audit trail records.</summary>
/// <param name="Actor">The person or system acting.</param>
/// <param name="RequestId">The caller's idempotency key; empty for a step the platform takes itself.</param>
/// <param name="At">When the step was taken.</param>
public sealed record LoanRequest(string Actor, string RequestId, DateTimeOffset At)
{
    /// <summary>A step the platform takes itself (a lapse, a rollback, a compensation), with no request behind it.</summary>
    public static LoanRequest Platform(DateTimeOffset at) => new("system", "", at);
}
