namespace AlbBuilder.Waiters;

/// <summary>The Smithy waiter retry schedule: jittered exponential backoff between a minimum and a maximum delay.</summary>
internal static class WaiterBackoff
{
    /// <summary>
    /// The delay after attempt <paramref name="attempt"/> (1-based): random in
    /// [min, min(max, min·2^(attempt-1))], shortened so the next attempt does not land after the deadline.
    /// </summary>
    public static TimeSpan NextDelay(int attempt, TimeSpan minDelay, TimeSpan maxDelay, TimeSpan remaining, Random random)
    {
        var min = minDelay.Ticks;
        var max = Math.Max(min, maxDelay.Ticks);

        // Computed in double so large attempt counts saturate at max instead of overflowing.
        var ceiling = Math.Min(max, min * Math.Pow(2, Math.Max(0, attempt - 1)));
        var jittered = min + (long)(random.NextDouble() * (ceiling - min));
        var delay = Math.Clamp(jittered, min, max);

        // The last attempt lands on the deadline rather than after it.
        return TimeSpan.FromTicks(Math.Min(delay, Math.Max(0, remaining.Ticks)));
    }
}
