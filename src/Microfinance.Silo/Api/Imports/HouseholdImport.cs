using System.Collections.Concurrent;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Regions;
using Microfinance.Api.V1;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Regions;
using Microfinance.Silo.Api.Validation;
using Microfinance.Silo.Security;

namespace Microfinance.Silo.Api.Imports;

/// <summary>
/// Imports the rows of a household export: each row read under the registration's rules, those of
/// one village registered together through the village's import, many villages at once; every row
/// refused reported with its row, column and reason; progress now and then.
/// </summary>
/// <param name="send">Writes one response to the client; called by one caller at a time.</param>
public sealed class HouseholdImport(IGrainFactory grains, Caller caller, Func<ImportHouseholdsResponse, Task> send)
{
    /// <summary>
    /// The request id every import passes its villages: the same row imported again is a replay,
    /// whatever file or attempt it comes in (the village adds the registry number and the row's content).
    /// </summary>
    public const string RequestId = "registry-import";

    /// <summary>Reason of a cell the column does not allow.</summary>
    public const string InvalidField = "INVALID_FIELD";

    private const int VillageBatch = 200;
    private const int PendingRows = 4_000;
    private const int BatchesInFlight = 16;
    private const int ProgressEveryRows = 5_000;

    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly SemaphoreSlim _inFlight = new(BatchesInFlight, BatchesInFlight);
    private readonly Dictionary<AdminCode, List<(long Row, HouseholdRegistration Household)>> _pending = [];
    private readonly List<Task> _batches = [];
    private readonly ConcurrentDictionary<string, byte> _unfinished = new(StringComparer.Ordinal);
    private HouseholdCsvReader? _reader;
    private int _pendingRows;
    private long _rowsRead;
    private long _registered;
    private long _alreadyRegistered;
    private long _rejected;

    private HouseholdCsvReader Reader => _reader!;

    /// <summary>Reads every row and waits for every batch; returns the counts (sent as the summary too).</summary>
    public async Task<ImportProgress> RunAsync(HouseholdCsvReader reader, CancellationToken ct)
    {
        _reader = reader;
        await foreach (var row in reader.ReadAsync(ct))
        {
            _rowsRead++;
            if (await ReadAsync(row) is { } household)
            {
                await AddAsync(household.Village, row.Row, household.Registration, ct);
            }

            if (_pendingRows >= PendingRows)
            {
                await FlushAsync(ct);
            }

            if (_rowsRead % ProgressEveryRows == 0)
            {
                await SendAsync(new ImportHouseholdsResponse { Progress = Counts() });
            }
        }

        await FlushAsync(ct);
        await Task.WhenAll(_batches);
        var summary = Counts();
        await SendAsync(new ImportHouseholdsResponse { Summary = summary });
        return summary;
    }

    /// <summary>The row's household under the registration's rules, or null once its rejections are sent.</summary>
    private async Task<(AdminCode Village, HouseholdRegistration Registration)?> ReadAsync(HouseholdRow row)
    {
        var rejections = row.Problems.Select(problem => Rejection(row, problem.Column, InvalidField, problem.Message)).ToList();
        var check = new RequestValidator();
        var (registryNumber, village, profile) = HouseholdFields.Read(check, row.Household, "row");
        rejections.AddRange(check.Problems
            .Where(problem => !row.Problems.Any(read => read.Column == ColumnOf(problem.Field)))
            .Select(problem => Rejection(row, ColumnOf(problem.Field), InvalidField, problem.Description)));
        if (rejections.Count == 0 && !caller.Covers(village))
        {
            rejections.Add(Rejection(row, HouseholdColumns.VillageCode, AccessReasons.OutsideArea, $"Village {village} lies outside the caller's area."));
        }

        if (rejections.Count > 0)
        {
            await RejectAsync(rejections);
            return null;
        }

        return (village, new HouseholdRegistration(registryNumber.Value, profile));
    }

    private async Task AddAsync(AdminCode village, long row, HouseholdRegistration household, CancellationToken ct)
    {
        // A row naming a household or a person that an unfinished batch names too waits until
        // every batch is done, so the earlier row always wins: a household repeated is then taken
        // as an import run again (already registered, or refused if it differs), and a person
        // listed twice is refused in the later row. Rows of one batch are registered side by side.
        var keys = KeysOf(household);
        if (keys.Any(_unfinished.ContainsKey))
        {
            await FlushAsync(ct);
            await Task.WhenAll(_batches);
        }

        foreach (var key in keys)
        {
            _unfinished.TryAdd(key, 0);
        }

        if (!_pending.TryGetValue(village, out var batch))
        {
            _pending[village] = batch = [];
        }

        batch.Add((row, household));
        _pendingRows++;
        if (batch.Count >= VillageBatch)
        {
            await LaunchAsync(village, ct);
        }
    }

    /// <summary>Sends every village's pending rows.</summary>
    private async Task FlushAsync(CancellationToken ct)
    {
        foreach (var village in _pending.Keys.ToList())
        {
            await LaunchAsync(village, ct);
        }
    }

    /// <summary>Starts the village's pending batch once a slot is free: the file is read no faster than the grains take it.</summary>
    private async Task LaunchAsync(AdminCode village, CancellationToken ct)
    {
        var batch = _pending[village];
        _pending.Remove(village);
        _pendingRows -= batch.Count;
        await _inFlight.WaitAsync(ct);
        _batches.Add(ImportAsync(village, batch));
    }

    /// <summary>Imports one village's batch and frees its slot; refusals go back to their rows.</summary>
    private async Task ImportAsync(AdminCode village, List<(long Row, HouseholdRegistration Household)> batch)
    {
        try
        {
            HouseholdImportReport report;
            try
            {
                report = await grains.Get<IVillageGrain>(village.Value).ImportHouseholdsAsync([.. batch.Select(entry => entry.Household)], RequestId);
            }
            catch (NotFoundException missing)
            {
                await RejectAsync([.. batch.Select(entry =>
                    Rejection(entry.Row, entry.Household.RegistryNumber, HouseholdColumns.VillageCode, missing.Reason, missing.Message))]);
                return;
            }

            var rows = batch.ToDictionary(entry => entry.Household.RegistryNumber, entry => entry.Row);
            Interlocked.Add(ref _registered, report.Registered);
            Interlocked.Add(ref _alreadyRegistered, report.AlreadyRegistered);
            await RejectAsync([.. report.Refused.Select(refusal =>
                Rejection(rows[refusal.RegistryNumber], refusal.RegistryNumber, ColumnOf(refusal.Reason), refusal.Reason, refusal.Message))]);
        }
        finally
        {
            foreach (var key in batch.SelectMany(entry => KeysOf(entry.Household)))
            {
                _unfinished.TryRemove(key, out _);
            }

            _inFlight.Release();
        }
    }

    private async Task RejectAsync(IReadOnlyList<ImportRejection> rejections)
    {
        Interlocked.Add(ref _rejected, rejections.Select(rejection => rejection.Row).Distinct().Count());
        foreach (var rejection in rejections)
        {
            await SendAsync(new ImportHouseholdsResponse { Rejection = rejection });
        }
    }

    private async Task SendAsync(ImportHouseholdsResponse response)
    {
        await _sending.WaitAsync();
        try
        {
            await send(response);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>What no two rows in flight may share: the registry number, and each person's resident id.</summary>
    private static List<string> KeysOf(HouseholdRegistration household) =>
    [
        household.RegistryNumber,
        $"person:{household.Profile.HeadResidentId.Value}",
        .. household.Profile.Members.Where(member => member.ResidentId is not null).Select(member => $"person:{member.ResidentId!.Value.Value}"),
    ];

    private ImportProgress Counts() => new()
    {
        RowsRead = _rowsRead,
        Registered = Interlocked.Read(ref _registered),
        AlreadyRegistered = Interlocked.Read(ref _alreadyRegistered),
        Rejected = Interlocked.Read(ref _rejected),
    };

    private ImportRejection Rejection(HouseholdRow row, ImportColumn column, string reason, string message) =>
        Rejection(row.Row, row.Household.RegistryNumber, column, reason, message);

    private ImportRejection Rejection(long row, string key, ImportColumn column, string reason, string message) =>
        new() { Row = row, Key = key, Column = Reader.NameOf(column), Reason = reason, Message = message };

    /// <summary>The column a field of the registration's message, or a refusal's reason, is about.</summary>
    private static ImportColumn ColumnOf(string fieldOrReason) => fieldOrReason switch
    {
        "row.registry_number" or "HOUSEHOLD_ALREADY_EXISTS" or "HOUSEHOLD_REPEATED_IN_BATCH" or "REGISTRY_NUMBER_INVALID" => HouseholdColumns.RegistryNumber,
        "row.village_code" => HouseholdColumns.VillageCode,
        "row.head.name" => HouseholdColumns.HeadName,
        "row.head.resident_id" or "RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD" or "RESIDENT_ID_ALREADY_IN_HOUSEHOLD" => HouseholdColumns.HeadResidentId,
        "row.category" => HouseholdColumns.Category,
        "row.labor_capacity" => HouseholdColumns.LaborCapacity,
        "row.star_rating" => HouseholdColumns.StarRating,
        _ => HouseholdColumns.Members,
    };
}
