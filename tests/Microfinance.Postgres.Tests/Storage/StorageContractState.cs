namespace Microfinance.Postgres.Tests.Storage;

/// <summary>State the storage contract tests write: a short value, or a large blob.</summary>
[GenerateSerializer, Alias("mf.tests.StorageContractState")]
public sealed record StorageContractState
{
    [Id(0)]
    public string? Value { get; init; }

    [Id(1)]
    public byte[]? Blob { get; init; }
}
