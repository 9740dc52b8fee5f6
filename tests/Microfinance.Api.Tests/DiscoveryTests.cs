using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Microfinance.Api.Tests.Support;

namespace Microfinance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class DiscoveryTests(ApiFixture fixture)
{
    [Fact]
    public async Task HealthAnswersServingOnceTheSiloIsUp()
    {
        var health = new Health.HealthClient(fixture.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest { Service = "" });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task ReflectionListsThePlatformServices()
    {
        var reflection = new ServerReflection.ServerReflectionClient(fixture.Channel);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("microfinance.v1.RegionService", services);
        Assert.Contains("microfinance.v1.HouseholdService", services);
        Assert.Contains("microfinance.v1.LegalPersonService", services);
        Assert.Contains("microfinance.v1.CompensationService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }
}
