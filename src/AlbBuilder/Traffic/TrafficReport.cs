using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace AlbBuilder;

/// <summary>
/// What a traffic verification saw: how many requests succeeded, which backend served each, why the others failed,
/// how fast they were, and whether the load balancer spread them evenly. Immutable; everything is computed from the samples.
/// </summary>
public sealed class TrafficReport
{
    /// <summary>Builds a report from the outcome of each request (also the model factory for tests of your own code).</summary>
    /// <param name="url">The URL that was requested.</param>
    /// <param name="samples">One sample per request.</param>
    /// <param name="expectedBackends">The backends that should share the traffic; null to expect exactly those that answered.</param>
    /// <param name="balanceTolerance">How far a backend's count may stray from the fair share, as a fraction of it (0–1).</param>
    /// <param name="elapsed">How long the whole verification took.</param>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> or <paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="balanceTolerance"/> is not within 0–1.</exception>
    public TrafficReport(
        Uri url,
        IEnumerable<TrafficSample> samples,
        IEnumerable<string>? expectedBackends = null,
        double balanceTolerance = 0.25,
        TimeSpan elapsed = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(samples);
        if (double.IsNaN(balanceTolerance) || balanceTolerance is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(balanceTolerance), balanceTolerance, "The balance tolerance must be 0–1.");
        }

        Url = url;
        Samples = samples.ToImmutableArray();
        BalanceTolerance = balanceTolerance;
        Elapsed = elapsed;

        var succeeded = Samples.Where(s => s.Succeeded).ToList();
        Succeeded = succeeded.Count;
        UnknownBackend = succeeded.Count(s => s.Backend is null);
        Backends = succeeded
            .Where(s => s.Backend is not null)
            .GroupBy(s => s.Backend!, StringComparer.OrdinalIgnoreCase)
            .Select(g => new BackendCount(g.Key, g.Count()))
            .OrderBy(b => b.Backend, StringComparer.Ordinal)
            .ToImmutableArray();
        Failures = Samples
            .Where(s => !s.Succeeded)
            .GroupBy(s => s.Failure!, StringComparer.Ordinal)
            .Select(g => new TrafficFailure(g.Key, g.Count()))
            .OrderByDescending(f => f.Count)
            .ThenBy(f => f.Reason, StringComparer.Ordinal)
            .ToImmutableArray();
        Latency = LatencySummary.From(succeeded.Select(s => s.Latency));

        var expected = expectedBackends?.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToImmutableArray()
            ?? Backends.Select(b => b.Backend).ToImmutableArray();
        ExpectedBackends = expected;
        MissingBackends = expected.Where(e => CountFor(e) == 0).ToImmutableArray();
        UnexpectedBackends = Backends
            .Select(b => b.Backend)
            .Where(b => !expected.Contains(b, StringComparer.OrdinalIgnoreCase))
            .ToImmutableArray();
        IsBalanced = JudgeBalance();
    }

    /// <summary>The URL that was requested.</summary>
    public Uri Url { get; }

    /// <summary>Every request's outcome, in the order they were issued.</summary>
    public IReadOnlyList<TrafficSample> Samples { get; }

    /// <summary>How many requests were sent.</summary>
    public int Total => Samples.Count;

    /// <summary>How many got a 2xx response.</summary>
    public int Succeeded { get; }

    /// <summary>How many failed (non-2xx status, transport error or timeout).</summary>
    public int Failed => Total - Succeeded;

    /// <summary>Whether every request got a 2xx response.</summary>
    public bool AllSucceeded => Total > 0 && Failed == 0;

    /// <summary>How many responses each backend served, ordered by backend name.</summary>
    public IReadOnlyList<BackendCount> Backends { get; }

    /// <summary>How many different backends served at least one response.</summary>
    public int DistinctBackends => Backends.Count;

    /// <summary>How many successful responses named no backend (the extractor returned null).</summary>
    public int UnknownBackend { get; }

    /// <summary>The failed requests grouped by reason, most frequent first.</summary>
    public IReadOnlyList<TrafficFailure> Failures { get; }

    /// <summary>Latency percentiles of the successful requests.</summary>
    public LatencySummary Latency { get; }

    /// <summary>How long the whole verification took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The backends the traffic should have reached (those that answered, when none were given), ordered by name.</summary>
    public IReadOnlyList<string> ExpectedBackends { get; }

    /// <summary>Expected backends that served nothing.</summary>
    public IReadOnlyList<string> MissingBackends { get; }

    /// <summary>Backends that served although they were not expected.</summary>
    public IReadOnlyList<string> UnexpectedBackends { get; }

    /// <summary>The tolerance the balance was judged with.</summary>
    public double BalanceTolerance { get; }

    /// <summary>
    /// Whether the load balancer spread the traffic evenly. Only responses attributed to a backend count: with
    /// <c>a</c> of them and <c>k</c> expected backends the fair share is <c>a / k</c>, and the traffic is balanced when
    /// <c>a &gt; 0</c>, every expected backend served, no unexpected one did, and each count is within
    /// <c>fair share × (1 ± BalanceTolerance)</c> (inclusive). Failures and unknown-backend responses don't count here;
    /// see <see cref="AllSucceeded"/> and <see cref="UnknownBackend"/>.
    /// </summary>
    public bool IsBalanced { get; }

    /// <summary>How many responses a backend served.</summary>
    /// <param name="backend">The backend's name (compared ignoring case).</param>
    /// <returns>The count, 0 when it served none.</returns>
    public int CountFor(string backend) =>
        Backends.FirstOrDefault(b => string.Equals(b.Backend, backend, StringComparison.OrdinalIgnoreCase))?.Count ?? 0;

    /// <summary>One line: successes, backends, balance, failures and latencies.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Succeeded}/{Total} succeeded");
        if (Elapsed > TimeSpan.Zero)
        {
            text.Append(CultureInfo.InvariantCulture, $" in {Elapsed.TotalSeconds:0.##} s");
        }

        text.Append(CultureInfo.InvariantCulture, $"; {DistinctBackends} backend(s)");
        if (Backends.Count > 0)
        {
            text.Append(": ").AppendJoin(", ", Backends);
        }

        text.Append(IsBalanced
            ? string.Create(CultureInfo.InvariantCulture, $" (balanced within ±{BalanceTolerance:0.##%})")
            : " (not balanced)");
        if (MissingBackends.Count > 0)
        {
            text.Append("; missing: ").AppendJoin(", ", MissingBackends);
        }

        if (UnexpectedBackends.Count > 0)
        {
            text.Append("; unexpected: ").AppendJoin(", ", UnexpectedBackends);
        }

        if (UnknownBackend > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {UnknownBackend} from an unknown backend");
        }

        if (Failures.Count > 0)
        {
            text.Append("; failures: ").AppendJoin(", ", Failures);
        }

        text.Append("; ").Append(Latency);
        return text.ToString();
    }

    private bool JudgeBalance()
    {
        var attributed = Backends.Sum(b => b.Count);
        if (attributed == 0 || ExpectedBackends.Count == 0 || MissingBackends.Count > 0 || UnexpectedBackends.Count > 0)
        {
            return false;
        }

        var fairShare = (double)attributed / ExpectedBackends.Count;
        var allowed = (fairShare * BalanceTolerance) + 1e-9; // inclusive edge despite binary fractions
        return ExpectedBackends.All(e => Math.Abs(CountFor(e) - fairShare) <= allowed);
    }
}
