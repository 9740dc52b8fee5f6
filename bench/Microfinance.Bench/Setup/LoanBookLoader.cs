using System.Collections.Concurrent;
using System.Diagnostics;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Loans;

namespace Microfinance.Bench.Setup;

/// <summary>Imports a bank's existing loan book through each county's <see cref="ILoanBookImportGrain"/>, with progress.</summary>
/// <param name="batchSize">Loans per batch, all of one county.</param>
/// <param name="parallelBatches">Batches in flight at once, each of a different county.</param>
public sealed class LoanBookLoader(IGrainFactory grains, int batchSize, int parallelBatches)
{
    private const string Actor = "bench-migration";
    private const int ImportAttempts = 3;

    /// <summary>
    /// Imports the book a county's batch at a time, several counties at once (a county's importer
    /// takes one batch at a time). A batch that fails is imported again with the same request id.
    /// </summary>
    public async Task ImportAsync(IReadOnlyList<ImportedLoan> loans, string what, CancellationToken ct)
    {
        var batches = loans
            .GroupBy(loan => loan.Village.County)
            .SelectMany(county => county.Chunk(batchSize).Select((chunk, index) => (County: county.Key, Index: index, Loans: chunk)))
            .OrderBy(batch => batch.Index)
            .ToList();
        var refused = new ConcurrentBag<LoanImportRefusal>();
        var imported = 0;
        var retried = 0;
        var reported = 0;
        var progress = new Lock();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = parallelBatches, CancellationToken = ct },
            async (batch, _) =>
            {
                var importer = grains.Get<ILoanBookImportGrain>(batch.County.Value);
                var requestId = $"import-{batch.County.ShortForm}-{batch.Index}";
                LoanImportReport? report = null;
                for (var attempt = 1; report is null; attempt++)
                {
                    try
                    {
                        report = await importer.ImportAsync(batch.Loans, Actor, requestId);
                    }
                    catch (Exception exception) when (attempt < ImportAttempts)
                    {
                        Interlocked.Increment(ref retried);
                        Console.WriteLine($"  batch {requestId} failed ({exception.GetType().Name}: {exception.Message}); importing it again");
                    }
                }

                foreach (var refusal in report.Refused)
                {
                    refused.Add(refusal);
                }

                var done = Interlocked.Add(ref imported, report.Imported);
                lock (progress)
                {
                    if (done * 10L / loans.Count > reported)
                    {
                        reported = (int)(done * 10L / loans.Count);
                        var elapsed = Stopwatch.GetElapsedTime(started);
                        Console.WriteLine($"  imported {done:N0} loans in {elapsed.TotalSeconds:F0} s ({done / elapsed.TotalSeconds:F0}/s)");
                    }
                }
            });

        var took = Stopwatch.GetElapsedTime(started);
        Console.WriteLine($"{what}: {imported:N0} loans in {batches.Count} batches in {took.TotalSeconds:F1} s "
            + $"({imported / took.TotalSeconds:F0} loans/s), {refused.Count} refused, {retried} batches imported again");
        foreach (var group in refused.GroupBy(refusal => refusal.Reason).Take(10))
        {
            Console.WriteLine($"  {group.Count()} × {group.Key}: {group.First().Message}");
        }
    }
}
