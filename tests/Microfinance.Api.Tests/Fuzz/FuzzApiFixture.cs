using Microfinance.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Microfinance.Api.Tests.Fuzz;

/// <summary>
/// A host of the fuzz test's own: its random requests may set the test province's quota or a
/// county's policy to any value the API accepts, which must not leak into the other API tests.
/// </summary>
public sealed class FuzzApiFixture : ApiFixture
{
    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Microfinance:ClusterId"] = "fuzz-api-tests",
            ["Microfinance:SeedDemo"] = "false",
        });
}
