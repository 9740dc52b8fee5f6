using Microfinance.Abstractions.Serialization;
using Microfinance.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Microfinance.Grains.Tests.Support;

/// <summary>One in-process cluster of two silos with memory storage, shared by the grain tests.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public IClusterClient Client => _cluster?.Client ?? throw new InvalidOperationException("Cluster not started.");

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddMicrofinanceSerialization();
        });
        builder.ConfigureClient(client => client.Services.AddMicrofinanceSerialization());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
