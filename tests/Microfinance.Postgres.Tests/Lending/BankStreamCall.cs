using Microfinance.Api.V1;
using Microfinance.Silo.Api.Loans;
using Microfinance.Silo.Security;
using Microfinance.Testing.Streams;

namespace Microfinance.Postgres.Tests.Lending;

/// <summary>
/// One StreamBankDecisions call, served by the API's own stream (<see cref="BankDecisionStream"/> running
/// <see cref="BankDecisionRunner"/>) beside the cluster's client, as a silo's gRPC endpoint serves it:
/// the bank's decisions go in at once and its side is closed; results come back as the server writes them.
/// </summary>
public sealed class BankStreamCall
{
    private readonly ChannelStreamWriter<StreamBankDecisionsResponse> _results = new();

    /// <param name="bank">The bank officer whose token opened the stream.</param>
    /// <param name="connection">
    /// Cancelled when the connection goes down: the server reads no further, the decisions it has read
    /// still run to the end, and their results are lost.
    /// </param>
    public BankStreamCall(
        BankDecisionRunner runner, Caller bank, IReadOnlyList<StreamBankDecisionsRequest> decisions, CancellationToken connection)
    {
        var requests = new ChannelStreamReader<StreamBankDecisionsRequest>();
        requests.Send([.. decisions]);
        requests.Complete();
        Sent = decisions.Count;
        Served = new BankDecisionStream(requests, _results, decision => runner.RunAsync(decision, bank), connection).RunAsync();
    }

    /// <summary>How many decisions the bank sent.</summary>
    public int Sent { get; }

    /// <summary>The server's side: done once every decision it read is done, its result written or lost.</summary>
    public Task Served { get; }

    /// <summary>The results that came back so far, in the order written.</summary>
    public IReadOnlyList<StreamBankDecisionsResponse> Received => _results.Written;

    /// <summary>Waits until <paramref name="count"/> results have come back with their loan disbursed.</summary>
    public async Task DisbursedAsync(int count)
    {
        for (var disbursed = 0; disbursed < count;)
        {
            if ((await _results.NextAsync()).Loan?.Stage == LoanStage.Disbursed)
            {
                disbursed++;
            }
        }
    }
}
