namespace Microfinance.Api.Tests.Support;

/// <summary>API tests share one running host; each test uses fresh keys or only reads the demo data.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
