using Npgsql;

namespace Microfinance.Postgres.Tests.Storage;

/// <summary>
/// An open admin transaction holding row locks (SELECT ... FOR UPDATE) on grain state rows, so
/// that a provider's statements touching them wait until it is rolled back.
/// </summary>
public sealed class RowLock(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
{
    /// <summary>The backend holding the locks, as <c>pg_blocking_pids</c> names it.</summary>
    public int BackendPid { get; } = connection.ProcessID;

    /// <summary>Rolls the transaction back, releasing the locks.</summary>
    public Task ReleaseAsync() => transaction.RollbackAsync();

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
