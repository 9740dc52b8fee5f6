using System.Globalization;
using Grpc.Net.Client;
using Microfinance.Api.V1;

namespace Microfinance.Api.Tests.Support;

/// <summary>Builds compensation claims through the API.</summary>
public static class ClaimSetup
{
    /// <summary>The township's station endorses the claim (第二十四条).</summary>
    public static SignOffClaimRequest SignOff(string loanId) => new()
    {
        RequestId = Keys.NewRequestId(),
        LoanId = loanId,
        Endorsed = true,
        Opinion = "经镇扶贫工作站核实，情况属实，同意上报",
    };

    /// <summary>
    /// A filing by the loan's bank for a borrower who died, with a visit every 30
    /// days from the day after the loan's first due date up to <paramref name="today"/>.
    /// </summary>
    public static async Task<FileClaimRequest> FilingAsync(GrpcChannel channel, string loanId, DateOnly today)
    {
        var loan = (await new LoanService.LoanServiceClient(channel).GetLoanAsync(new GetLoanRequest { LoanId = loanId })).Loan;
        var request = new FileClaimRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = loanId,
            BankCode = loan.Application.BankCode,
            Cause = LossCause.BorrowerDeath,
            CauseDescription = "借款人因病去世，家庭无其他收入来源",
        };
        var missed = DateOnly.ParseExact(loan.Schedule[0].DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var on = missed.AddDays(1); on <= today; on = on.AddDays(30))
        {
            request.DunningActions.Add(new DunningAction
            {
                ActionDate = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Method = DunningMethod.Visit,
                Note = "上门催收",
            });
        }

        return request;
    }
}
