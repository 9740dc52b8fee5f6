namespace Microfinance.Postgres.Tests.Schema;

[GenerateSerializer, Alias("mf.tests.ContractProbeState")]
public sealed record ContractProbeState
{
    [Id(0)]
    public string? Value { get; init; }
}
