namespace AlbBuilder.Classroom.Tests.Scenarios;

/// <summary>Records events on the reporting thread (Progress&lt;T&gt; posts them to the thread pool, late and out of order), and may react to one.</summary>
internal sealed class SyncProgress(Action<ClassroomEvent>? onEvent = null) : IProgress<ClassroomEvent>
{
    private readonly List<ClassroomEvent> _events = [];

    public IReadOnlyList<ClassroomEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Report(ClassroomEvent value)
    {
        lock (_events)
        {
            _events.Add(value);
        }

        onEvent?.Invoke(value);
    }
}
