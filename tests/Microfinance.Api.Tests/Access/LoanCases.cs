using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using static Microfinance.Api.Tests.Access.CaseBuilder;

namespace Microfinance.Api.Tests.Access;

/// <summary>The matrix rows of a loan's life: origination, the bank's stream and servicing.</summary>
public static class LoanCases
{
    public static IEnumerable<RpcCase> All()
    {
        var loans = LoanService.Descriptor;
        yield return Change(loans, "ApplyForLoan", AllowedCallers.Applicants, async (world, _) =>
        {
            var application = world.Application(await world.HouseholdAsync());
            return Call(caller => Client(caller).ApplyForLoanAsync(application));
        });

        // Each office reviews or rejects as itself, on a loan waiting for it.
        yield return Change(loans, "ReviewLoan", AllowedCallers.LocalOffices, async (world, matrixCaller) =>
        {
            var loanId = await world.LoanAwaitingAsync(matrixCaller.Party);
            return Call(caller => Client(caller).ReviewLoanAsync(
                new ReviewLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId, Party = matrixCaller.Party }));
        });
        yield return Change(loans, "ApproveLoan", AllowedCallers.Lenders, async (world, _) =>
        {
            var loanId = await world.LoanAwaitingAsync(LoanParty.Bank);
            return Call(caller => Client(caller).ApproveLoanAsync(new ApproveLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId }));
        });
        yield return Change(loans, "RejectLoan", AllowedCallers.Applicants, async (world, matrixCaller) =>
        {
            var loanId = await world.LoanAwaitingAsync(matrixCaller.Party);
            return Call(caller => Client(caller).RejectLoanAsync(new RejectLoanRequest
            {
                RequestId = Keys.NewRequestId(),
                LoanId = loanId,
                Party = matrixCaller.Party,
                Reason = "不符合贷款条件",
            }));
        });
        yield return Change(loans, "WithdrawLoan", AllowedCallers.Applicants, async (world, _) =>
        {
            var loanId = await world.LoanAwaitingAsync(LoanParty.Village);
            return Call(caller => Client(caller).WithdrawLoanAsync(
                new WithdrawLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId, Reason = "借款人放弃申请" }));
        });
        yield return Change(loans, "RecordDisbursement", AllowedCallers.Lenders, async (world, _) =>
        {
            var loanId = await world.ApprovedLoanAsync();
            return Call(caller => Client(caller).RecordDisbursementAsync(new RecordDisbursementRequest
            {
                RequestId = Keys.NewRequestId(),
                LoanId = loanId,
                DisbursedDate = AccessWorld.Iso(world.Today),
            }));
        });
        yield return Change(loans, "StreamBankDecisions", AllowedCallers.Lenders, async (world, _) =>
        {
            var loanId = await world.LoanAwaitingAsync(LoanParty.Bank);
            return caller => StreamOneApprovalAsync(caller, loanId);
        });
        yield return OnDisbursedLoans(loans, "RecordRepayment", AllowedCallers.Lenders, daysAgo: 10, (world, loanId) =>
            Task.FromResult(Call(caller => Client(caller).RecordRepaymentAsync(new RecordRepaymentRequest
            {
                RequestId = Keys.NewRequestId(),
                LoanId = loanId,
                PaidDate = AccessWorld.Iso(world.Today),
                AmountFen = 10_000,
            }))));
        yield return OnDisbursedLoans(loans, "ExtendLoan", AllowedCallers.Lenders, daysAgo: 10, (_, loanId) =>
            Task.FromResult(Call(caller => Client(caller).ExtendLoanAsync(
                new ExtendLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId, Months = 12, Rating = "AA" }))));

        // A renewal needs the interest paid to date.
        yield return OnDisbursedLoans(loans, "RenewLoan", AllowedCallers.Lenders, daysAgo: 10, async (world, loanId) =>
        {
            var admin = new LoanService.LoanServiceClient(world.Admin);
            var owed = (await admin.GetLoanAsync(new GetLoanRequest { LoanId = loanId })).Loan.Balance.InterestDueTodayFen;
            await admin.RecordRepaymentAsync(new RecordRepaymentRequest
            {
                RequestId = Keys.NewRequestId(),
                LoanId = loanId,
                PaidDate = AccessWorld.Iso(world.Today),
                AmountFen = owed,
            });
            return Call(caller => Client(caller).RenewLoanAsync(
                new RenewLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId, TermMonths = 12, Rating = "A" }));
        });
        yield return Read(loans, "GetLoan", AllowedCallers.LoanReaders, async world =>
        {
            var loanId = await world.DisbursedLoanAsync(daysAgo: 10);
            return Call(caller => Client(caller).GetLoanAsync(new GetLoanRequest { LoanId = loanId }));
        });
        yield return Read(loans, "ListHouseholdLoans", AllowedCallers.AreaReaders, async world =>
        {
            var registryNumber = await world.HouseholdAsync();
            return Call(caller => Client(caller).ListHouseholdLoansAsync(new ListHouseholdLoansRequest { RegistryNumber = registryNumber }));
        });
    }

    private static LoanService.LoanServiceClient Client(CallInvoker caller) => new(caller);

    /// <summary>
    /// Sends one approval over the bank's stream. A decision the stream refuses fails here with the
    /// status its unary call would have had, so that a refusal inside the stream counts as one.
    /// </summary>
    private static async Task StreamOneApprovalAsync(CallInvoker caller, string loanId)
    {
        using var call = Client(caller).StreamBankDecisions();
        try
        {
            await call.RequestStream.WriteAsync(new StreamBankDecisionsRequest
            {
                Sequence = 1,
                Approve = new ApproveLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId },
            });
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception refused) when (refused is RpcException or InvalidOperationException)
        {
            // The server refused the whole call while the decision was on its way: the response
            // stream below throws the status it ended the call with.
        }

        await foreach (var result in call.ResponseStream.ReadAllAsync())
        {
            if (result.Error is { } error)
            {
                throw new RpcException(new Status((StatusCode)error.Code, error.Reason));
            }
        }
    }
}
