using System.Globalization;

namespace AlbBuilder.Waiters;

/// <summary>Timing, clock and progress reporting of one waiter run. Immutable; use <c>with</c> to derive variants.</summary>
public sealed record WaiterOptions
{
    /// <summary>The largest delay or timeout accepted.</summary>
    internal static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <summary>Gets the options that use every default.</summary>
    public static WaiterOptions Default { get; } = new();

    /// <summary>Gets the shortest delay between attempts.</summary>
    /// <value>The default value is <see langword="null"/>: the definition's delay (15 seconds for the official waiters), capped at <see cref="MaxDelay"/>.</value>
    public TimeSpan? MinDelay { get; init; }

    /// <summary>Gets the longest delay between attempts.</summary>
    /// <value>The default value is 120 seconds.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Gets the longest total time to wait before <see cref="WaiterTimeoutException"/> (the official <c>maxWaitTime</c>).</summary>
    /// <value>The default value is <see langword="null"/>: the definition's timeout (10 minutes for most official waiters).</value>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets the clock used for delays and the deadline.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the receiver of a <see cref="WaiterProgress"/> after every attempt.</summary>
    /// <value>The default value is <see langword="null"/> (no reporting).</value>
    public IProgress<WaiterProgress>? Progress { get; init; }

    /// <summary>Gets the source of jitter; tests pin it to make the schedule deterministic.</summary>
    internal Random? Random { get; init; }

    /// <summary>Checks every value and reports all problems at once; every waiter calls it before its first attempt.</summary>
    /// <exception cref="ArgumentException">One or more values are out of range; the message lists each one with its value.</exception>
    internal void Validate()
    {
        var problems = new List<string>();
        if (MinDelay is { } min && (min <= TimeSpan.Zero || min > Longest))
        {
            problems.Add($"MinDelay must be greater than zero and at most {Format(Longest)} (was {Format(min)}).");
        }

        if (MaxDelay <= TimeSpan.Zero || MaxDelay > Longest)
        {
            problems.Add($"MaxDelay must be greater than zero and at most {Format(Longest)} (was {Format(MaxDelay)}).");
        }

        if (MinDelay is { } minimum && minimum > MaxDelay)
        {
            problems.Add($"MinDelay ({Format(minimum)}) must not exceed MaxDelay ({Format(MaxDelay)}).");
        }

        if (Timeout is { } timeout && (timeout <= TimeSpan.Zero || timeout > Longest))
        {
            problems.Add($"Timeout must be greater than zero and at most {Format(Longest)} (was {Format(timeout)}).");
        }

        if (TimeProvider is null)
        {
            problems.Add("TimeProvider must not be null.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid waiter options: " + string.Join(" ", problems));
        }
    }

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
