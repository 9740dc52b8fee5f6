using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// Applies a repayment reported by a bank — partial, full or early — interest first, then principal
/// (先息后本).
/// </summary>
/// <remarks>
/// For an early or partial repayment between due dates, the interest due is whatever earlier
/// interest is unpaid plus the interest accrued on the outstanding principal from the last interest
/// date up to, not including, the repayment date:
/// <see cref="DayCount.Interest(Money, InterestRate, DateOnly, DateOnly)"/>. From the repayment date
/// on, interest accrues on the reduced principal.
/// </remarks>
public static class RepaymentAllocation
{
    /// <summary>Splits <paramref name="payment"/> between interest and principal.</summary>
    /// <exception cref="RuleViolationException"><c>OVERPAYMENT</c>: the payment is more than the interest due plus the principal outstanding.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="payment"/> is not positive, or an amount owed is negative.</exception>
    public static AllocatedRepayment Allocate(Money payment, Money interestDue, Money principalOutstanding)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(payment, Money.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(interestDue, Money.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(principalOutstanding, Money.Zero);

        var owed = interestDue + principalOutstanding;
        if (payment > owed)
        {
            // An excess has nowhere to go: the bank must report what it actually applied, or refund.
            throw new RuleViolationException(
                "OVERPAYMENT",
                $"The payment of {payment} is more than the {owed} owed ({interestDue} interest, {principalOutstanding} principal).");
        }

        var interestPaid = Money.Min(payment, interestDue);
        var principalPaid = payment - interestPaid;
        return new AllocatedRepayment(
            interestPaid,
            principalPaid,
            interestDue - interestPaid,
            principalOutstanding - principalPaid);
    }
}
