namespace Microfinance.Silo.Hosting;

/// <summary>Tells the operator, once the silo is up, where the API is and what to try.</summary>
public sealed class StartupBanner(PlatformStartup startup, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var address = $"localhost:{startup.GrpcPort}";
        var storage = startup.Profile == PlatformProfile.Embedded
            ? "EMBEDDED profile: one silo, state in memory. NOTHING IS PERSISTED; a restart starts empty."
            : "PostgreSQL profile: cluster membership, grain state and reminders are in PostgreSQL.";
        Console.WriteLine($$"""

            OrleansMicrofinance is serving gRPC (plain-text HTTP/2) at {{address}}
            {{storage}}

            Try it (services are discoverable by reflection):
              grpcurl -plaintext {{address}} list
              grpcurl -plaintext {{address}} grpc.health.v1.Health/Check
            """);
        if (startup.DemoSeeded)
        {
            Console.WriteLine($$"""
                  grpcurl -plaintext -d '{"parent_code":"530124"}' {{address}} microfinance.v1.RegionService/ListSubregions
                  grpcurl -plaintext -d '{"village_code":"530124101001"}' {{address}} microfinance.v1.HouseholdService/ListHouseholds
                  grpcurl -plaintext -d '{"loan_id":"L-DEMO-0001"}' {{address}} microfinance.v1.LoanService/GetLoan
                  grpcurl -plaintext -d '{"region_code":"530124101"}' {{address}} microfinance.v1.QuotaService/GetQuotaOverview
                  grpcurl -plaintext -d '{"fund_id":"530124-RCC"}' {{address}} microfinance.v1.FundService/GetFundPosition

                Demo loans at 富民县's credit union: L-DEMO-0001 disbursed, L-DEMO-0002 approved,
                L-DEMO-0003 awaiting the township's review, L-DEMO-0004 rejected by the township.

                """);
        }
    }
}
