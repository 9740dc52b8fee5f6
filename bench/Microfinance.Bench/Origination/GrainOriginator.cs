using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Loans;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;

namespace Microfinance.Bench.Origination;

/// <summary>Originates through grain calls made beside a silo, as the gRPC services make them.</summary>
public sealed class GrainOriginator(IGrainFactory grains) : IOriginator
{
    private const string Actor = "bench";

    public Task ApplyAsync(LoanOrder order) => Loan(order).ApplyAsync(
        new LoanApplication(order.RegistryNumber, order.BankCode, new Money(order.AmountFen), 12, "购买仔猪", "养殖业", null),
        Actor,
        NewRequestId());

    public Task ReviewAsync(LoanOrder order, LoanParty party) =>
        Loan(order).ReviewAsync(party, Actor, "同意", NewRequestId());

    public Task ApproveAsync(LoanOrder order) => Loan(order).ApproveAsync(null, Actor, NewRequestId());

    public Task RecordDisbursementAsync(LoanOrder order, DateOnly disbursedOn) =>
        Loan(order).RecordDisbursementAsync(disbursedOn, Actor, NewRequestId());

    private ILoanGrain Loan(LoanOrder order) => grains.Get<ILoanGrain>(order.LoanId);

    private static string NewRequestId() => Guid.NewGuid().ToString();
}
