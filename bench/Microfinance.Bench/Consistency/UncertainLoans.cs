using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Loans;
using Microfinance.Bench.Origination;
using Microfinance.Domain.Loans;

namespace Microfinance.Bench.Consistency;

/// <summary>Loans whose disbursement call failed, so the worker does not know whether it took effect.</summary>
public static class UncertainLoans
{
    /// <summary>Reads each loan back: those the platform disbursed (or is completing) count as disbursed.</summary>
    public static async Task<List<LoanOrder>> SettleAsync(IGrainFactory grains, IReadOnlyList<LoanOrder> uncertain)
    {
        var settled = new List<LoanOrder>();
        foreach (var order in uncertain)
        {
            try
            {
                var loan = await grains.Get<ILoanGrain>(order.LoanId).GetAsync();
                if (loan.Stage is LoanStage.Disbursed or LoanStage.Disbursing)
                {
                    settled.Add(order);
                }
            }
            catch (Exception exception)
            {
                Console.WriteLine($"  could not read loan {order.LoanId} back: {exception.Message}");
            }
        }

        return settled;
    }
}
