namespace AlbBuilder.Tests.Waiters;

/// <summary>
/// An operation over resource states that answers from a script: per call either a comma-separated list of
/// states (<c>"working,done"</c>, <c>""</c> for none) or an exception to throw; the last entry repeats.
/// </summary>
internal sealed class ScriptedOperation
{
    private readonly object[] _script;
    private readonly TimeProvider _time;
    private readonly List<DateTimeOffset> _calls = [];

    public ScriptedOperation(TimeProvider time, params object[] script)
    {
        _time = time;
        _script = script;
    }

    public int Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.Count;
            }
        }
    }

    public IReadOnlyList<DateTimeOffset> CallTimes
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public Task<string[]> InvokeAsync(CancellationToken cancellationToken)
    {
        int index;
        lock (_calls)
        {
            _calls.Add(_time.GetUtcNow());
            index = Math.Min(_calls.Count - 1, _script.Length - 1);
        }

        return _script[index] switch
        {
            Exception error => Task.FromException<string[]>(error),
            string states => Task.FromResult(states.Length == 0 ? Array.Empty<string>() : states.Split(',')),
            var other => throw new InvalidOperationException($"Bad script entry {other}"),
        };
    }
}
