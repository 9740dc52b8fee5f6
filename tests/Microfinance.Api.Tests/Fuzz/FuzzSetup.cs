using Google.Protobuf.Reflection;
using Grpc.Net.Client;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;

namespace Microfinance.Api.Tests.Fuzz;

/// <summary>What the fuzz aims at: every RPC of the contract, and a county with something in it.</summary>
public static class FuzzSetup
{
    /// <summary>Every RPC of every service in the contract, found through the proto descriptors.</summary>
    public static IReadOnlyList<MethodDescriptor> Rpcs() =>
    [
        .. typeof(FundService).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(FundService).Namespace && type.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(type => (FileDescriptor)type.GetProperty("Descriptor")!.GetValue(null)!)
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods)
            .OrderBy(method => method.FullName, StringComparer.Ordinal),
    ];

    /// <summary>
    /// A fresh lending county holding a disbursed loan, a loan awaiting the bank's decision and a
    /// cooperative, so that plausible requests find what they name.
    /// </summary>
    public static async Task<FuzzCounty> NewCountyAsync(ApiFixture fixture)
    {
        var channel = fixture.Channel;
        var disbursed = await LendingSetup.NewDisbursedLoanAsync(
            fixture, amountFen: 3_000_000, quotaFen: 100_000_000, fundFen: 50_000_000, daysOutstanding: 120);
        var today = disbursed.Today;
        var county = disbursed.County;
        var reviewed = await LendingSetup.NewCountyReviewedLoanAsync(channel, county.Village, 2_000_000);
        var creditCode = await LendingSetup.RegisterCooperativeAsync(channel, county.County);
        var loans = new LoanService.LoanServiceClient(channel);
        var registryNumbers = new List<string>();
        foreach (var loanId in new[] { disbursed.LoanId, reviewed })
        {
            registryNumbers.Add((await loans.GetLoanAsync(new GetLoanRequest { LoanId = loanId })).Loan.Application.RegistryNumber);
        }

        return new FuzzCounty(
            county.County, county.Township, county.Village, county.FundId, [disbursed.LoanId, reviewed], registryNumbers, creditCode, today.ToString("yyyy-MM-dd"));
    }
}
