using Microfinance.Abstractions.Calendar;
using Microfinance.Grains.Common;
using Microsoft.Extensions.Logging;

namespace Microfinance.Grains.Calendar;

/// <summary>
/// Keeps this silo's <see cref="BusinessClock"/> on the practice calendar: told of each change by
/// the practice clock grain, and reading it itself at start-up and every half minute after, so that
/// a silo that joined or was unreachable during a change catches up.
/// </summary>
public sealed class PracticeCalendarService : GrainService, IPracticeCalendarService
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    private readonly BusinessClock _clock;
    private readonly IGrainFactory _grains;
    private readonly ILogger<PracticeCalendarService> _log;
    private readonly CancellationTokenSource _stopping = new();
    private Task _reading = Task.CompletedTask;

    public PracticeCalendarService(GrainId id, Silo silo, ILoggerFactory loggers, BusinessClock clock, IGrainFactory grains)
        : base(id, silo, loggers)
    {
        _clock = clock;
        _grains = grains;
        _log = loggers.CreateLogger<PracticeCalendarService>();
    }

    public Task FollowAsync(PracticeDates dates)
    {
        _clock.Follow(dates);
        return Task.CompletedTask;
    }

    public override Task Start()
    {
        _reading = ReadEveryWhileAsync(_stopping.Token);
        return base.Start();
    }

    public override async Task Stop()
    {
        await _stopping.CancelAsync();
        await _reading;
        await base.Stop();
    }

    private async Task ReadEveryWhileAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var wait = Refresh;
            try
            {
                _clock.Follow(await _grains.GetGrain<IPracticeClockGrain>(IPracticeClockGrain.Key).GetAsync());
            }
            catch (Exception failure) when (!stopping.IsCancellationRequested)
            {
                _log.LogWarning(failure, "Could not read the practice calendar; trying again shortly");
                wait = RetryAfterFailure;
            }

            try
            {
                await Task.Delay(wait, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
