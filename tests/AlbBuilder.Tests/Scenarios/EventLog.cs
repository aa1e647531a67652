using System.Collections.Concurrent;

namespace AlbBuilder.Tests.Scenarios;

/// <summary>Collects progress events synchronously.</summary>
internal sealed class EventLog : IProgress<LabEvent>
{
    public ConcurrentQueue<LabEvent> Events { get; } = new();

    public void Report(LabEvent value) => Events.Enqueue(value);
}
