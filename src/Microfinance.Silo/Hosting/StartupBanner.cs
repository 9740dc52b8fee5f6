using Microfinance.Silo.Demo;
using Microfinance.Silo.Security;

namespace Microfinance.Silo.Hosting;

/// <summary>Tells the operator, once the silo is up, where the API is, how it is secured and what to try.</summary>
public sealed class StartupBanner(PlatformStartup startup, IHostApplicationLifetime lifetime, IServiceProvider services)
    : IHostedService
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
        var transport = startup.Tls ? "TLS" : "PLAIN TEXT (HTTP/2)";
        var web = $"{(startup.Tls ? "https" : "http")}://localhost:{startup.WebPort}";
        var plaintext = startup.Tls ? "" : "-plaintext ";
        var storage = startup.Profile == PlatformProfile.Embedded
            ? "EMBEDDED profile: one silo, state in memory. NOTHING IS PERSISTED; a restart starts empty."
            : "PostgreSQL profile: cluster membership, grain state and reminders are in PostgreSQL.";
        var dates = startup.Practice
            ? "PRACTICE environment: an operator may move business dates forward (ClockService)."
            : "Business dates follow China Standard Time.";
        Console.WriteLine($$"""

            OrleansMicrofinance is serving gRPC over {{transport}} at {{address}}
            Dashboards in a browser: {{web}}/dashboard/ (sign in with a token); operators: {{web}}/orleans/
            {{storage}}
            {{dates}}
            Every call but the health check needs a bearer token (Microfinance:Auth).
            """);
        if (startup.DevelopmentKey && services.GetService<TokenIssuer>() is { } issuer)
        {
            Console.WriteLine("Development key made at start-up (tokens die with this process). A token per demo role:");
            foreach (var caller in DemoCaller.All)
            {
                var token = issuer.Issue(caller.Subject, caller.Role, caller.Regions, caller.Bank);
                Console.WriteLine($"  export {caller.Variable}={token}");
            }
        }

        Console.WriteLine($$"""

            Try it (services are discoverable by reflection):
              grpcurl {{plaintext}}{{address}} grpc.health.v1.Health/Check
              grpcurl {{plaintext}}-H "authorization: Bearer $MF_PROVINCE" {{address}} list
            """);
        if (startup.DemoSeeded)
        {
            Console.WriteLine($$"""
                  grpcurl {{plaintext}}-H "authorization: Bearer $MF_COUNTY" -d '{"parent_code":"530124"}' {{address}} microfinance.v1.RegionService/ListSubregions
                  grpcurl {{plaintext}}-H "authorization: Bearer $MF_VILLAGE" -d '{"village_code":"530124101001"}' {{address}} microfinance.v1.HouseholdService/ListHouseholds
                  grpcurl {{plaintext}}-H "authorization: Bearer $MF_BANK" -d '{"loan_id":"L-DEMO-0001"}' {{address}} microfinance.v1.LoanService/GetLoan
                  grpcurl {{plaintext}}-H "authorization: Bearer $MF_TOWNSHIP" -d '{"region_code":"530124101"}' {{address}} microfinance.v1.QuotaService/GetQuotaOverview
                  grpcurl {{plaintext}}-H "authorization: Bearer $MF_AUDITOR" -d '{"fund_id":"530124-RCC"}' {{address}} microfinance.v1.FundService/GetFundPosition

                Demo loans at 富民县's credit union: L-DEMO-0001 disbursed, L-DEMO-0002 approved,
                L-DEMO-0003 awaiting the township's review, L-DEMO-0004 rejected by the township.

                """);
        }
    }
}
