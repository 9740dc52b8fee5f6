using Microfinance.Domain.Errors;

namespace Microfinance.Postgres.Tests.Lending;

/// <summary>What a bank's integration does with a call that failed: repeat it, same request id, until it is answered.</summary>
public static class Retry
{
    /// <summary>
    /// Calls again, with a growing pause, while the call fails with anything but the platform's
    /// refusal (or with its "try again"); at most 30 times.
    /// </summary>
    /// <remarks>Setup retries too: a client's first calls may reach a gateway that is still starting.</remarks>
    public static async Task<T> UntilAnsweredAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception failure) when ((failure is not DomainException or TryAgainException) && attempt < 30)
            {
                await Task.Delay(Pause(attempt));
            }
        }
    }

    /// <summary>The pause before attempt <paramref name="attempt"/> + 1: 200 ms more each time, up to 2 s.</summary>
    public static TimeSpan Pause(int attempt) => TimeSpan.FromMilliseconds(200 * Math.Min(attempt, 10));
}
