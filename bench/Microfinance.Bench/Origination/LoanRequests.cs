using System.Globalization;
using Microfinance.Api.V1;
using ApiLoanApplication = Microfinance.Api.V1.LoanApplication;
using ApiLoanParty = Microfinance.Api.V1.LoanParty;
using DomainLoanParty = Microfinance.Domain.Loans.LoanParty;

namespace Microfinance.Bench.Origination;

/// <summary>
/// The API requests of an origination's steps, as the unary calls and a bank's stream take them;
/// each with a fresh request id.
/// </summary>
public static class LoanRequests
{
    private const string Actor = "bench";

    /// <summary>户申请: twelve months for piglets, as every worker applies.</summary>
    public static ApplyForLoanRequest Application(LoanOrder order) => new()
    {
        RequestId = NewRequestId(),
        LoanId = order.LoanId,
        Application = new ApiLoanApplication
        {
            RegistryNumber = order.RegistryNumber,
            BankCode = order.BankCode,
            AmountFen = order.AmountFen,
            TermMonths = 12,
            Purpose = "购买仔猪",
            Industry = "养殖业",
        },
    };

    /// <summary>村初审, 乡审核 or 县复查.</summary>
    public static ReviewLoanRequest Review(LoanOrder order, DomainLoanParty party) => new()
    {
        RequestId = NewRequestId(),
        LoanId = order.LoanId,
        Party = party switch
        {
            DomainLoanParty.Village => ApiLoanParty.Village,
            DomainLoanParty.Township => ApiLoanParty.Township,
            DomainLoanParty.County => ApiLoanParty.County,
            _ => throw new ArgumentOutOfRangeException(nameof(party), party, "Only the village, township and county review."),
        },
        Note = "同意",
    };

    /// <summary>银行审定 at the reference rate.</summary>
    public static ApproveLoanRequest Approval(LoanOrder order) => new()
    {
        RequestId = NewRequestId(),
        LoanId = order.LoanId,
    };

    /// <summary>放款 on <paramref name="disbursedOn"/>.</summary>
    public static RecordDisbursementRequest Disbursement(LoanOrder order, DateOnly disbursedOn) => new()
    {
        RequestId = NewRequestId(),
        LoanId = order.LoanId,
        DisbursedDate = disbursedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static string NewRequestId() => Guid.NewGuid().ToString();
}
