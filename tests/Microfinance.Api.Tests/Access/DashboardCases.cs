using Grpc.Core;
using Microfinance.Api.V1;
using static Microfinance.Api.Tests.Access.CaseBuilder;

namespace Microfinance.Api.Tests.Access;

/// <summary>The matrix rows of the live dashboards: a watch counts as admitted once its first update arrives.</summary>
public static class DashboardCases
{
    public static IEnumerable<RpcCase> All()
    {
        var dashboards = DashboardService.Descriptor;
        yield return Read(dashboards, "WatchCounty", AllowedCallers.CountyReaders, world => Task.FromResult<MatrixCall>(caller =>
            FirstUpdateAsync(Client(caller).WatchCounty(new WatchCountyRequest { CountyCode = world.County.County }))));
        yield return Read(dashboards, "WatchProvince", AllowedCallers.Auditors, world => Task.FromResult<MatrixCall>(caller =>
            FirstUpdateAsync(Client(caller).WatchProvince(new WatchProvinceRequest { ProvinceCode = world.County.County[..2] + "0000000000" }))));
    }

    private static DashboardService.DashboardServiceClient Client(CallInvoker caller) => new(caller);

    /// <summary>Reads the watch's first update, then leaves; a refused watch throws its status here.</summary>
    private static async Task FirstUpdateAsync<TResponse>(AsyncServerStreamingCall<TResponse> call)
    {
        using (call)
        {
            if (!await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                throw new InvalidOperationException("The watch ended before its first update.");
            }
        }
    }
}
