using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Microfinance.Domain.Finance;
using PolicyLimits = Microfinance.Domain.Policies.PolicyLimits;
using Xunit.Abstractions;

namespace Microfinance.Api.Tests.Fuzz;

/// <summary>
/// Requests that must be refused — valid requests with one amount or policy parameter pushed past
/// its bound, int64 extremes included, and malformed bodies — aimed at one county: each is refused
/// with INVALID_ARGUMENT or a named rule, and the county looks afterwards exactly as before.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RefusedRequestTests(ApiFixture fixture, ITestOutputHelper output)
{
    private const int Seed = 20_261_203;
    private const int Parallelism = 8;
    private const int MalformedPerRpc = 20;

    /// <summary>Amounts no request may carry: the outside fuzz's int64 extremes and the values just past the bound.</summary>
    private static readonly long[] OutOfBoundAmounts =
    [
        long.MaxValue, long.MinValue, long.MaxValue - 1, long.MinValue + 1, long.MaxValue / 2, -1,
        MoneyBounds.MaxAmount.Fen + 1, MoneyBounds.MaxTotal.Fen, 9_000_000_000_000_000_000,
    ];

    /// <summary>Values no policy count (days, months, basis points, ages, multiple) may take; 0 means the default.</summary>
    private static readonly long[] OutOfRangeCounts = [int.MaxValue, int.MinValue, -1, 1_000_000];

    /// <summary>Values no policy amount may take: past the highest cap of all (<see cref="PolicyLimits"/>).</summary>
    private static readonly long[] OutOfRangeCaps = [long.MaxValue, long.MinValue, -1, PolicyLimits.MaxLegalPersonCap.Fen + 1];

    [Fact]
    public async Task RequestsPastTheBoundsAreRefusedAndChangeNothing()
    {
        var county = await FuzzSetup.NewCountyAsync(fixture);
        var requests = new FuzzRequests(new FuzzValues(new Random(Seed), county));
        var calls = Hostile(county, requests).ToList();
        var before = await SnapshotAsync(county);
        var raw = new RawCalls(fixture.Channel.CreateCallInvoker());
        var accepted = new ConcurrentQueue<string>();

        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (call, _) =>
        {
            if (await raw.SendAsync(call.Rpc, [call.Payload]) == StatusCode.OK)
            {
                accepted.Enqueue($"{call.Rpc.Name} {call.Rpc.InputType.Parser.ParseFrom(call.Payload)}");
            }
        });

        output.WriteLine(raw.Summary());
        Assert.True(raw.Offenders.IsEmpty, $"{raw.Offenders.Count} offenders:\n{string.Join("\n", raw.Offenders.Take(40))}");
        Assert.True(accepted.IsEmpty, $"Accepted:\n{string.Join("\n", accepted)}");
        Assert.Equal(before, await SnapshotAsync(county));
    }

    private static IEnumerable<(MethodDescriptor Rpc, byte[] Payload)> Hostile(FuzzCounty county, FuzzRequests requests)
    {
        foreach (var (rpc, seed) in Seeds(county))
        {
            foreach (var amount in OutOfBoundAmounts)
            {
                var request = Copy(seed);
                FuzzRequests.SetAll(request, "amount_fen", amount);
                yield return (rpc, request.ToByteArray());

                // Other fields turned hostile as well, the amount kept out of bounds.
                var mutated = requests.Mutated(Copy(request));
                FuzzRequests.SetAll(mutated, "amount_fen", amount);
                yield return (rpc, mutated.ToByteArray());
            }

            for (var i = 0; i < MalformedPerRpc; i++)
            {
                yield return (rpc, requests.Malformed(rpc.InputType));
            }
        }

        foreach (var parameter in CountyPolicy.Descriptor.Fields.InFieldNumberOrder().Where(f => f.FieldType is FieldType.Int32 or FieldType.Int64))
        {
            foreach (var value in parameter.Name.EndsWith("_fen", StringComparison.Ordinal) ? OutOfRangeCaps : OutOfRangeCounts)
            {
                var policy = new CountyPolicy { EffectiveDate = "2030-01-01" };
                parameter.Accessor.SetValue(policy, parameter.FieldType == FieldType.Int32 ? unchecked((int)value) : (object)value);
                var request = new CreatePolicyVersionRequest { RequestId = Keys.NewRequestId(), CountyCode = county.County, Policy = policy };
                yield return (Rpc(PolicyService.Descriptor, "CreatePolicyVersion"), request.ToByteArray());
            }
        }
    }

    /// <summary>A valid request to each RPC that moves money in the county, before its amount is pushed out of bounds.</summary>
    private static IEnumerable<(MethodDescriptor Rpc, IMessage Seed)> Seeds(FuzzCounty county)
    {
        yield return (Rpc(FundService.Descriptor, "RecordFundEntry"), new RecordFundEntryRequest
        {
            RequestId = Keys.NewRequestId(), FundId = county.FundId, Kind = FundEntryKind.CountyDeposit, AmountFen = 1,
        });
        yield return (Rpc(QuotaService.Descriptor, "SetProvinceQuota"), new SetProvinceQuotaRequest
        {
            RequestId = Keys.NewRequestId(), ProvinceCode = LendingSetup.Province, AmountFen = 1,
        });
        foreach (var (parent, child) in new[] { (LendingSetup.Province, county.County), (county.County, county.Township), (county.Township, county.Village) })
        {
            yield return (Rpc(QuotaService.Descriptor, "AllocateQuota"), new AllocateQuotaRequest
            {
                RequestId = Keys.NewRequestId(), ParentCode = parent, ChildCode = child, AmountFen = 1,
            });
        }

        yield return (Rpc(LoanService.Descriptor, "ApplyForLoan"), new ApplyForLoanRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = $"LN-{Guid.NewGuid():N}",
            Application = new LoanApplication
            {
                RegistryNumber = county.RegistryNumbers[0], BankCode = LendingSetup.BankCode, AmountFen = 1, TermMonths = 12, Purpose = "购买种苗", Industry = "种植业",
            },
        });
        yield return (Rpc(LoanService.Descriptor, "RecordRepayment"), new RecordRepaymentRequest
        {
            RequestId = Keys.NewRequestId(), LoanId = county.LoanIds[0], PaidDate = county.Today, AmountFen = 1,
        });
        yield return (Rpc(CompensationService.Descriptor, "RecordClaimRecovery"), new RecordClaimRecoveryRequest
        {
            RequestId = Keys.NewRequestId(), LoanId = county.LoanIds[0], RecoveredDate = county.Today, AmountFen = 1,
        });
    }

    private static IMessage Copy(IMessage message) => message.Descriptor.Parser.ParseFrom(message.ToByteArray());

    private static MethodDescriptor Rpc(ServiceDescriptor service, string name) => service.FindMethodByName(name);

    /// <summary>What can be seen of the county: its fund and ledger, quotas, policies, households and loans.</summary>
    private async Task<string> SnapshotAsync(FuzzCounty county)
    {
        var funds = new FundService.FundServiceClient(fixture.Channel);
        var quotas = new QuotaService.QuotaServiceClient(fixture.Channel);
        var policies = new PolicyService.PolicyServiceClient(fixture.Channel);
        var households = new HouseholdService.HouseholdServiceClient(fixture.Channel);
        var loans = new LoanService.LoanServiceClient(fixture.Channel);
        List<IMessage> parts =
        [
            await funds.GetFundPositionAsync(new GetFundPositionRequest { FundId = county.FundId }),
            await funds.ListFundLedgerEntriesAsync(new ListFundLedgerEntriesRequest { FundId = county.FundId, PageSize = 1000 }),
            await policies.ListPolicyVersionsAsync(new ListPolicyVersionsRequest { CountyCode = county.County }),
            await households.ListHouseholdsAsync(new ListHouseholdsRequest { VillageCode = county.Village, PageSize = 1000 }),
        ];
        foreach (var region in new[] { LendingSetup.Province, county.County, county.Township, county.Village })
        {
            parts.Add(await quotas.GetQuotaOverviewAsync(new GetQuotaOverviewRequest { RegionCode = region }));
        }

        foreach (var loanId in county.LoanIds)
        {
            parts.Add(await loans.GetLoanAsync(new GetLoanRequest { LoanId = loanId }));
        }

        foreach (var registryNumber in county.RegistryNumbers)
        {
            parts.Add(await loans.ListHouseholdLoansAsync(new ListHouseholdLoansRequest { RegistryNumber = registryNumber }));
        }

        return string.Join("\n", parts.Select(part => part.ToString()));
    }
}
