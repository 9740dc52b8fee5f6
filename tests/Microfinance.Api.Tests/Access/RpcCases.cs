namespace Microfinance.Api.Tests.Access;

/// <summary>Every row of the access matrix, by RPC.</summary>
public static class RpcCases
{
    public static IReadOnlyDictionary<string, RpcCase> ByMethod { get; } =
        RegistryCases.All()
            .Concat(CountyCases.All())
            .Concat(LoanCases.All())
            .Concat(ServicingCases.All())
            .Concat(DashboardCases.All())
            .Concat(ClaimCases.All())
            .Concat(AuditCases.All())
            .Concat(ClockCases.All())
            .ToDictionary(row => row.Method, StringComparer.Ordinal);
}
