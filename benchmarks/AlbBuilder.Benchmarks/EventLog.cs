using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AlbBuilder.Benchmarks;

/// <summary>
/// Collects a lab's events synchronously, each stamped with the benchmark's stopwatch. A waiter attempt is reported
/// as a Progress event "&lt;Waiter&gt; attempt N: …" (one API call per attempt), which is how waiter polls are told
/// apart from every other call; retries read "… (attempt N); retrying in …" and do not match.
/// </summary>
internal sealed partial class EventLog : IProgress<LabEvent>
{
    private readonly ConcurrentQueue<(TimeSpan At, LabEvent Event)> _events = new();
    private readonly long _origin = Stopwatch.GetTimestamp();

    public IReadOnlyList<(TimeSpan At, LabEvent Event)> Events => [.. _events];

    public TimeSpan Now => Stopwatch.GetElapsedTime(_origin);

    public void Report(LabEvent value) => _events.Enqueue((Now, value));

    /// <summary>The waiter attempts between two instants (a phase), grouped into one run per step.</summary>
    public IReadOnlyList<WaiterRun> WaiterRuns(TimeSpan from, TimeSpan to) =>
        [.. Events
            .Where(e => e.At >= from && e.At <= to && e.Event.Kind == LabEventKind.Progress && WaiterAttempt().IsMatch(e.Event.Message))
            .GroupBy(e => e.Event.Step)
            .Select(g => new WaiterRun(g.Key, g.Count(), g.Min(e => e.At), g.Max(e => e.At)))];

    /// <summary>When a step last reported <paramref name="kind"/>, or null.</summary>
    public TimeSpan? Last(LabStep step, LabEventKind kind) =>
        Events.Where(e => e.Event.Step == step && e.Event.Kind == kind).Select(e => (TimeSpan?)e.At).LastOrDefault();

    [GeneratedRegex(@"^\S+ attempt \d+:", RegexOptions.CultureInvariant)]
    private static partial Regex WaiterAttempt();
}
