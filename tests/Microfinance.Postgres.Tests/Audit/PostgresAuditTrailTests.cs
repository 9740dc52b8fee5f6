using Microfinance.Storage.Audit;

namespace Microfinance.Postgres.Tests.Audit;

/// <summary>The audit trail in PostgreSQL, written and read as a silo's role, which may only add to it.</summary>
public sealed class PostgresAuditTrailTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 16, 4, 0, 0, TimeSpan.Zero);

    private MigratedDatabase _database = null!;
    private PostgresAuditTrail _trail = null!;

    public async Task InitializeAsync()
    {
        _database = await MigratedDatabase.CreateAsync("mf_audit");
        _trail = new PostgresAuditTrail(_database.SiloConnectionString, "audit-tests");
    }

    public async Task DisposeAsync()
    {
        await _trail.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static AuditRecord Record(string entityId, string region, DateTimeOffset time, string outcome = "OK", string? reason = null) =>
        new(time, "officer-liu", "county-officer", "/microfinance.v1.FundService/RecordFundEntry", Guid.NewGuid().ToString(),
            "fund", entityId, region, outcome, reason);

    private static AuditQuery Query(string region, int pageSize = 100) => new(region, null, null, null, null, pageSize, null);

    [Fact]
    public async Task RecordsAppendedTogetherAreAllKeptAndReadBackAsWritten()
    {
        var records = Enumerable.Range(0, 200)
            .Select(i => Record($"450101-B{i}", "450101", Noon.AddSeconds(i), i % 2 == 0 ? "OK" : "PERMISSION_DENIED", i % 2 == 0 ? null : "OUTSIDE_AREA"))
            .ToList();

        await Task.WhenAll(records.Select(_trail.AppendAsync));
        var page = await _trail.ListAsync(Query("450101", pageSize: 500));

        Assert.Equal(
            records.OrderBy(record => record.EntityId, StringComparer.Ordinal),
            page.Records.Select(stored => stored.Record).OrderBy(record => record.EntityId, StringComparer.Ordinal));
        Assert.Null(page.NextBefore);
    }

    [Fact]
    public async Task AQuerySelectsByRegionEntityAndTimeAndPagesNewestFirst()
    {
        foreach (var record in new[]
        {
            Record("450101-RCC", "450101", Noon),
            Record("450101-RCC", "450101", Noon.AddHours(1)),
            Record("450101-RCC", "450101", Noon.AddHours(2)),
            Record("450102-RCC", "450102", Noon.AddHours(1)),
        })
        {
            await _trail.AppendAsync(record);
        }

        var ofFund = new AuditQuery("45", "fund", "450101-RCC", Noon.AddMinutes(30), Noon.AddHours(3), 1, null);
        var first = await _trail.ListAsync(ofFund);
        var second = await _trail.ListAsync(ofFund with { Before = first.NextBefore });
        var ofOtherCounty = await _trail.ListAsync(Query("450102"));

        Assert.Equal([Noon.AddHours(2)], first.Records.Select(stored => stored.Record.Time));
        Assert.Equal([Noon.AddHours(1)], second.Records.Select(stored => stored.Record.Time));
        Assert.Null(second.NextBefore);
        Assert.Equal(["450102-RCC"], ofOtherCounty.Records.Select(stored => stored.Record.EntityId));
    }
}
