namespace Microfinance.Api.Tests.Support;

/// <summary>API tests that move the business clock share a host of their own; each test uses fresh keys.</summary>
[CollectionDefinition(Name)]
public sealed class ClockedApiCollection : ICollectionFixture<ClockedApiFixture>
{
    public const string Name = "clocked-api";
}
