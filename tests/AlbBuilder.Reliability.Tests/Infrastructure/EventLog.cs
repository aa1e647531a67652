namespace AlbBuilder.Reliability.Tests.Infrastructure;

/// <summary>A thread-safe, synchronous <see cref="IProgress{T}"/> (events arrive from whichever branch made them).</summary>
internal sealed class EventLog : IProgress<LabEvent>
{
    private readonly Lock _gate = new();
    private readonly List<LabEvent> _events = [];

    /// <summary>Runs for each event, in the reporting thread, after it is recorded.</summary>
    public Action<LabEvent>? OnEvent { get; init; }

    public IReadOnlyList<LabEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public void Report(LabEvent value)
    {
        lock (_gate)
        {
            _events.Add(value);
        }

        OnEvent?.Invoke(value);
    }
}
