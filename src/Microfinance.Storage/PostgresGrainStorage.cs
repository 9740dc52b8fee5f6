using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Storage;

namespace Microfinance.Storage;

/// <summary>
/// Grain storage on PostgreSQL that commits many grains' writes in one statement and one
/// transaction, and reads many grains' activations in one round trip, while each grain keeps the
/// storage contract: its write is acknowledged only once committed, a stale etag fails that grain
/// alone (<see cref="InconsistentStateException"/>), and a failed batch fails all of its callers
/// with none of its rows changed.
/// </summary>
/// <remarks>
/// State is serialized in the caller's turn, before the write is queued, so a grain may go on
/// changing its state while the write waits for its batch.
/// </remarks>
public sealed partial class PostgresGrainStorage(
    string name,
    PostgresGrainStorageOptions options,
    string serviceId,
    IGrainStorageSerializer serializer,
    ILogger<PostgresGrainStorage> logger)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private NpgsqlDataSource? _dataSource;
    private BatchQueue<StateWrite, StateWriteOutcome>? _writes;
    private BatchQueue<StateRead, StoredState?>? _reads;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await Started(_reads).EnqueueAsync(new StateRead(RowKey.Of(grainId, stateName)));
        grainState.State = stored?.Payload is { } payload
            ? serializer.Deserialize<T>(new BinaryData(payload))
            : Activator.CreateInstance<T>();
        grainState.ETag = stored is null ? null : FormatEtag(stored.Version);
        grainState.RecordExists = stored?.Payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        var write = new StateWrite(RowKey.Of(grainId, stateName), ParseEtag(grainState.ETag, stateName), payload, Delete: false);

        var outcome = await Started(_writes).EnqueueAsync(write);

        ThrowIfConflict("write", write, grainState.ETag, outcome);
        grainState.ETag = FormatEtag(outcome.NewVersion!.Value);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var write = new StateWrite(
            RowKey.Of(grainId, stateName), ParseEtag(grainState.ETag, stateName), Payload: null, options.DeleteStateOnClear);

        var outcome = await Started(_writes).EnqueueAsync(write);

        ThrowIfConflict("clear", write, grainState.ETag, outcome);
        grainState.ETag = outcome.NewVersion is { } version ? FormatEtag(version) : null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(PostgresGrainStorage)}-{name}", ServiceLifecycleStage.ApplicationServices, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken ct)
    {
        _dataSource = NpgsqlDataSource.Create(GrainStateConnection.For(options.ConnectionString));
        var table = new GrainStateTable(_dataSource, serviceId);
        var limits = new BatchLimits(options.MaxBatchRows, options.MaxBatchBytes, options.MaxBatchesInFlight);
        _writes = new BatchQueue<StateWrite, StateWriteOutcome>(
            (batch, token) => SendLoggingFailureAsync("write", batch.Count, table.WriteAsync(batch, token)), limits, "write");
        _reads = new BatchQueue<StateRead, StoredState?>(
            (batch, token) => SendLoggingFailureAsync("read", batch.Count, table.ReadAsync(batch, token)), limits, "read");
        LogStarted(name, options.MaxBatchRows);
        return Task.CompletedTask;
    }

    // Grains deactivate, writing their state, before this stage stops; what they queued is sent
    // before the queues close, unless the silo's stop timeout runs out first.
    private async Task StopAsync(CancellationToken ct)
    {
        await using var abandonOnTimeout = ct.Register(() =>
        {
            _writes?.Abandon();
            _reads?.Abandon();
        });
        if (_writes is not null)
        {
            await _writes.DisposeAsync();
        }

        if (_reads is not null)
        {
            await _reads.DisposeAsync();
        }

        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }

    private async Task<IReadOnlyList<TResult>> SendLoggingFailureAsync<TResult>(
        string operation, int count, Task<IReadOnlyList<TResult>> sending)
    {
        try
        {
            return await sending;
        }
        catch (Exception exception)
        {
            LogBatchFailed(exception, operation, name, count);
            throw;
        }
    }

    private static BatchQueue<TRequest, TResult> Started<TRequest, TResult>(BatchQueue<TRequest, TResult>? queue)
        where TRequest : IBatchedRequest =>
        queue ?? throw new InvalidOperationException("Grain storage is used before the silo started it.");

    // The message names no grain key: some keys (a resident's ID claim) are personal data.
    private static void ThrowIfConflict(string operation, StateWrite write, string? etag, StateWriteOutcome outcome)
    {
        if (!outcome.Applied)
        {
            var stored = outcome.StoredVersion is { } version ? FormatEtag(version) : null;
            throw new InconsistentStateException(
                $"Version conflict on {operation} of grain type {write.Key.GrainType}, state {write.Key.StateName}: "
                + $"the grain had etag {etag ?? "(none)"}, storage has {stored ?? "no row"}.",
                stored,
                etag);
        }
    }

    private static long? ParseEtag(string? etag, string stateName)
    {
        if (etag is null)
        {
            return null;
        }

        return long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InconsistentStateException(
                $"Etag '{etag}' of state {stateName} was not issued by this storage.", null, etag);
    }

    private static string FormatEtag(long version) => version.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain storage {Name} batches up to {MaxRows} rows per statement")]
    private partial void LogStarted(string name, int maxRows);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Operation} batch of grain storage {Name} failed; its {Count} callers get the error")]
    private partial void LogBatchFailed(Exception exception, string operation, string name, int count);
}
