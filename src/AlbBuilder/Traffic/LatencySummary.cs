using System.Globalization;

namespace AlbBuilder;

/// <summary>
/// Latency percentiles of the successful requests, by the nearest-rank method: the p-th percentile is the
/// ⌈p·n⌉-th smallest of the n latencies. All zero when no request succeeded.
/// </summary>
/// <param name="Count">How many latencies were summarised.</param>
/// <param name="P50">The median.</param>
/// <param name="P90">The 90th percentile.</param>
/// <param name="P99">The 99th percentile.</param>
/// <param name="Max">The slowest.</param>
public sealed record LatencySummary(int Count, TimeSpan P50, TimeSpan P90, TimeSpan P99, TimeSpan Max)
{
    /// <summary>How many latencies were summarised.</summary>
    public int Count { get; } = Count;

    /// <summary>The median.</summary>
    public TimeSpan P50 { get; } = P50;

    /// <summary>The 90th percentile.</summary>
    public TimeSpan P90 { get; } = P90;

    /// <summary>The 99th percentile.</summary>
    public TimeSpan P99 { get; } = P99;

    /// <summary>The slowest.</summary>
    public TimeSpan Max { get; } = Max;

    /// <summary>The summary of no latencies.</summary>
    public static LatencySummary Empty { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Summarises latencies by the nearest-rank method.</summary>
    /// <param name="latencies">The latencies, in any order.</param>
    /// <returns>The summary; <see cref="Empty"/> when there are none.</returns>
    public static LatencySummary From(IEnumerable<TimeSpan> latencies)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        var sorted = latencies.Order().ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        return new(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99), sorted[^1]);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Count == 0 ? "no latencies" : $"p50 {Ms(P50)}, p90 {Ms(P90)}, p99 {Ms(P99)}, max {Ms(Max)}";

    private static TimeSpan Rank(TimeSpan[] sorted, double percentile)
    {
        // The epsilon keeps 0.9 × 10 from rounding up to rank 10 through binary fractions.
        var rank = (int)Math.Ceiling((percentile * sorted.Length) - 1e-9);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture) + " ms";
}
