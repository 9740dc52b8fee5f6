using System.Globalization;
using Microfinance.Api.V1;
using ApiLoanApplication = Microfinance.Api.V1.LoanApplication;
using ApiLoanParty = Microfinance.Api.V1.LoanParty;
using DomainLoanParty = Microfinance.Domain.Loans.LoanParty;

namespace Microfinance.Bench.Origination;

/// <summary>Originates through the public gRPC API, as a provincial platform or a bank would.</summary>
public sealed class GrpcOriginator(LoanService.LoanServiceClient loans) : IOriginator
{
    private const string Actor = "bench";

    public async Task ApplyAsync(LoanOrder order) => await loans.ApplyForLoanAsync(new ApplyForLoanRequest
    {
        RequestId = NewRequestId(),
        LoanId = order.LoanId,
        Actor = Actor,
        Application = new ApiLoanApplication
        {
            RegistryNumber = order.RegistryNumber,
            BankCode = order.BankCode,
            AmountFen = order.AmountFen,
            TermMonths = 12,
            Purpose = "购买仔猪",
            Industry = "养殖业",
        },
    });

    public async Task ReviewAsync(LoanOrder order, DomainLoanParty party) => await loans.ReviewLoanAsync(new ReviewLoanRequest
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
        Actor = Actor,
        Note = "同意",
    });

    public async Task ApproveAsync(LoanOrder order) => await loans.ApproveLoanAsync(new ApproveLoanRequest
    {
        RequestId = NewRequestId(),
        LoanId = order.LoanId,
        Actor = Actor,
    });

    public async Task RecordDisbursementAsync(LoanOrder order, DateOnly disbursedOn) =>
        await loans.RecordDisbursementAsync(new RecordDisbursementRequest
        {
            RequestId = NewRequestId(),
            LoanId = order.LoanId,
            DisbursedDate = disbursedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Actor = Actor,
        });

    private static string NewRequestId() => Guid.NewGuid().ToString();
}
