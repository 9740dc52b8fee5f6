using Microfinance.Domain.Loans;

namespace Microfinance.Bench.Origination;

/// <summary>
/// The steps of an origination as one client makes them, each awaited until the platform
/// acknowledges it. Every call carries a fresh request id.
/// </summary>
public interface IOriginator
{
    /// <summary>户申请.</summary>
    Task ApplyAsync(LoanOrder order);

    /// <summary>村初审, 乡审核 or 县复查.</summary>
    Task ReviewAsync(LoanOrder order, LoanParty party);

    /// <summary>银行审定 at the reference rate: reserves cap, quota and fund headroom.</summary>
    Task ApproveAsync(LoanOrder order);

    /// <summary>放款: acknowledged once the reservations became usage durably.</summary>
    Task RecordDisbursementAsync(LoanOrder order, DateOnly disbursedOn);
}
