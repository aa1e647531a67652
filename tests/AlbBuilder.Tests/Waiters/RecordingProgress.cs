using System.Collections.Concurrent;
using AlbBuilder.Waiters;

namespace AlbBuilder.Tests.Waiters;

/// <summary>Collects progress reports synchronously (Progress&lt;T&gt; would post them to a context).</summary>
internal sealed class RecordingProgress : IProgress<WaiterProgress>
{
    private readonly ConcurrentQueue<WaiterProgress> _reports = new();

    public IReadOnlyList<WaiterProgress> Reports => [.. _reports];

    public void Report(WaiterProgress value) => _reports.Enqueue(value);
}
