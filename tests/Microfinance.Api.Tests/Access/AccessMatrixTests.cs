using System.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Microfinance.Silo.Security;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Microfinance.Api.Tests.Access;

/// <summary>
/// The whole RPC × caller matrix: for every RPC, each role in the county under test and the same
/// role one county, province or bank over, each with a request that would succeed. Every allowed
/// pair succeeds, every other is PERMISSION_DENIED, and a missing, expired or forged token is
/// UNAUTHENTICATED.
/// </summary>
[Collection(ClockedApiCollection.Name)]
public sealed class AccessMatrixTests(ClockedApiFixture fixture)
{
    public static TheoryData<string> Methods => new(RpcCases.ByMethod.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task EveryCallerIsAdmittedOrRefusedAsTheRolesTableSays(string method)
    {
        var row = RpcCases.ByMethod[method];
        var world = await AccessWorld.CreateAsync(fixture);
        var calls = await row.Prepare(world, world.Callers);
        var plain = fixture.ChannelWith(token: null);

        var wrong = new List<string>();
        foreach (var (caller, call) in world.Callers.Zip(calls))
        {
            var expected = MatrixCallers.Unauthenticated.Contains(caller.Name) ? StatusCode.Unauthenticated
                : row.Allowed.Contains(caller.Name) ? StatusCode.OK
                : StatusCode.PermissionDenied;
            var (actual, detail) = await OutcomeAsync(call, plain.Intercept(headers => WithToken(headers, caller.Token)));
            if (actual != expected)
            {
                wrong.Add($"{caller.Name}: expected {expected}, got {actual} {detail}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void EveryRpcOfEveryServiceHasARowAndARule()
    {
        var methods = typeof(LoanService).Assembly.GetTypes()
            .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<ServiceDescriptor>()
            .SelectMany(service => service.Methods.Select(rpc => CaseBuilder.MethodName(service, rpc.Name)))
            .ToList();

        Assert.Equal(13, methods.Select(name => name.Split('/')[1]).Distinct().Count());
        Assert.Equal(methods.Order(), RpcCases.ByMethod.Keys.Order());
        Assert.Equal(methods.Order(), RpcAccessTable.Rules.Keys.Order());
    }

    [Fact]
    public async Task AVillageOfficerMayNotReviewAsTheTownship()
    {
        var world = await AccessWorld.CreateAsync(fixture);
        var loanId = await world.LoanAwaitingAsync(LoanParty.Township);
        var village = world.Callers.Single(caller => caller.Name == MatrixCallers.Village);
        var loans = new LoanService.LoanServiceClient(fixture.ChannelWith(village.Token));

        var error = await Assert.ThrowsAsync<RpcException>(() => loans.ReviewLoanAsync(
            new ReviewLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId, Party = LoanParty.Township }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, AccessReasons.NotCallersParty), (error.StatusCode, error.Reason()));
    }

    private static Metadata WithToken(Metadata headers, string? token)
    {
        if (token is not null)
        {
            headers.Add("authorization", $"Bearer {token}");
        }

        return headers;
    }

    private static async Task<(StatusCode Status, string Detail)> OutcomeAsync(MatrixCall call, CallInvoker caller)
    {
        try
        {
            await call(caller);
            return (StatusCode.OK, "");
        }
        catch (RpcException error)
        {
            return (error.StatusCode, $"({error.Reason()}: {error.Status.Detail})");
        }
    }
}
