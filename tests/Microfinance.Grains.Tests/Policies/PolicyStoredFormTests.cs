using Microfinance.Domain.Policies;
using Microfinance.Grains.Tests.Support;
using Microfinance.Testing.Policies;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Microfinance.Grains.Tests.Policies;

/// <summary>A policy with every parameter set crosses the Orleans form (messages, stored versions) unchanged.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PolicyStoredFormTests(ClusterFixture fixture)
{
    [Fact]
    public void APolicyWithEveryParameterSetComesBackFromItsOrleansFormEqual()
    {
        var serializer = fixture.Client.ServiceProvider.GetRequiredService<Serializer>();
        var policy = PolicyWithEveryParameterSet.Build();

        var back = serializer.Deserialize<CountyPolicy>(serializer.SerializeToArray(policy));

        Assert.Equal(policy, back);
        Assert.Equal(policy.GetHashCode(), back!.GetHashCode());
    }
}
