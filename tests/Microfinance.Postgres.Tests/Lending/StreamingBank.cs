using System.Globalization;
using Microfinance.Api.V1;
using Microfinance.Silo.Api.Loans;
using Microfinance.Silo.Security;
using ResultCase = Microfinance.Api.V1.StreamBankDecisionsResponse.ResultOneofCase;

namespace Microfinance.Postgres.Tests.Lending;

/// <summary>
/// A bank's core system sending its approvals and disbursements over StreamBankDecisions: each decision
/// keeps its request id for good, and whatever got an error or no result at all is sent again on a new
/// stream — a loan's approval, unless acknowledged, right before its disbursement — until every
/// disbursement is acknowledged.
/// </summary>
public sealed class StreamingBank(BankDecisionRunner runner, Caller officer, DateOnly disbursedOn)
{
    private const int MaxRounds = 30;

    private readonly List<(ApproveLoanRequest Approval, RecordDisbursementRequest Disbursement)> _loans = [];
    private readonly Dictionary<string, Loan> _acknowledged = new(StringComparer.Ordinal);

    /// <summary>Decisions whose result came back with the loan, by request id: the loan as that result showed it.</summary>
    public IReadOnlyDictionary<string, Loan> Acknowledged => _acknowledged;

    /// <summary>Adds a county-reviewed loan for the bank to approve and disburse.</summary>
    public void Lend(string loanId) => _loans.Add((
        new ApproveLoanRequest { RequestId = $"{loanId}-approve", LoanId = loanId },
        new RecordDisbursementRequest
        {
            RequestId = $"{loanId}-disburse",
            LoanId = loanId,
            DisbursedDate = disbursedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));

    /// <summary>
    /// Opens a stream on <paramref name="connection"/> with the decisions not acknowledged yet of every
    /// <paramref name="streams"/>-th loan from the <paramref name="stream"/>-th: a bank's day over a few streams.
    /// </summary>
    public BankStreamCall Send(CancellationToken connection, int stream = 0, int streams = 1)
    {
        var decisions = new List<StreamBankDecisionsRequest>();
        foreach (var (approval, disbursement) in _loans.Where((loan, i) => i % streams == stream))
        {
            if (!_acknowledged.ContainsKey(approval.RequestId))
            {
                decisions.Add(new StreamBankDecisionsRequest { Sequence = decisions.Count + 1, Approve = approval });
            }

            if (!_acknowledged.ContainsKey(disbursement.RequestId))
            {
                decisions.Add(new StreamBankDecisionsRequest { Sequence = decisions.Count + 1, Disburse = disbursement });
            }
        }

        return new BankStreamCall(runner, officer, decisions, connection);
    }

    /// <summary>Books what came back on <paramref name="call"/> with the loan; an error counts as no answer.</summary>
    public void Take(BankStreamCall call)
    {
        foreach (var result in call.Received.Where(result => result.ResultCase == ResultCase.Loan))
        {
            _acknowledged[result.RequestId] = result.Loan;
        }
    }

    /// <summary>
    /// Sends again, one stream after another with a growing pause between them, whatever is not
    /// acknowledged, until every decision is or <see cref="MaxRounds"/> streams have gone. An approval
    /// that got an error while its disbursement went through is sent again on its own: its replay
    /// answers with the loan.
    /// </summary>
    /// <returns>How many decisions were sent again.</returns>
    public async Task<int> SendAgainUntilSettledAsync()
    {
        var sentAgain = 0;
        for (var round = 1; round <= MaxRounds && _acknowledged.Count < 2 * _loans.Count; round++)
        {
            await Task.Delay(Retry.Pause(round));
            var call = Send(CancellationToken.None);
            await call.Served;
            sentAgain += call.Sent;
            Take(call);
        }

        return sentAgain;
    }
}
