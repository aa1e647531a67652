using System.Collections.Concurrent;

namespace AlbBuilder.Classroom.Throttling;

/// <summary>Counts, per action, the calls the labs made and the calls sent to AWS (fewer when shared polling coalesced them).</summary>
internal sealed class ApiCallCounter
{
    private readonly ConcurrentDictionary<string, Counts> _byAction = new(StringComparer.Ordinal);

    /// <summary>A lab called <paramref name="action"/>.</summary>
    public void Requested(string action) => Interlocked.Increment(ref Of(action).Requested);

    /// <summary>A call of <paramref name="action"/> was sent to the service.</summary>
    public void Sent(string action) => Interlocked.Increment(ref Of(action).Sent);

    /// <summary>A send of <paramref name="action"/> failed with a throttling error after the SDK's retries (it may be sent again).</summary>
    public void Throttled(string action) => Interlocked.Increment(ref Of(action).Throttled);

    /// <summary>The counts so far.</summary>
    public ApiCallCounts Snapshot() =>
        new(_byAction.ToDictionary(
            pair => pair.Key,
            pair => new ApiCallCount(Interlocked.Read(ref pair.Value.Requested), Interlocked.Read(ref pair.Value.Sent), Interlocked.Read(ref pair.Value.Throttled)),
            StringComparer.Ordinal));

    private Counts Of(string action) => _byAction.GetOrAdd(action, _ => new Counts());

    private sealed class Counts
    {
        public long Requested;
        public long Sent;
        public long Throttled;
    }
}
