using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Microfinance.Api.Tests.Support;

/// <summary>A host configured as production (<c>Microfinance:Practice=false</c>): its business dates follow China Standard Time.</summary>
public sealed class ProductionApiFixture : ApiFixture
{
    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Microfinance:ClusterId"] = "production-api-tests",
            ["Microfinance:Practice"] = "false",
        });
}
