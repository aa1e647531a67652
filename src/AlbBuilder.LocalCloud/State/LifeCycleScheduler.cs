using Microsoft.Extensions.Logging;

namespace AlbBuilder.LocalCloud.State;

/// <summary>Runs life-cycle transitions after a delay on the cloud's <see cref="TimeProvider"/>.</summary>
internal sealed partial class LifeCycleScheduler : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly HashSet<ITimer> _timers = [];
    private bool _disposed;

    public LifeCycleScheduler(TimeProvider timeProvider, ILogger logger)
    {
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/> (at once, on the thread pool, for zero).</summary>
    public void After(TimeSpan delay, Action action)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (delay <= TimeSpan.Zero)
            {
                ThreadPool.UnsafeQueueUserWorkItem(_ => Run(action), null);
                return;
            }

            ITimer? timer = null;
            timer = _timeProvider.CreateTimer(
                _ =>
                {
                    lock (_gate)
                    {
                        if (_disposed || timer is null || !_timers.Remove(timer))
                        {
                            return;
                        }
                    }

                    timer.Dispose();
                    Run(action);
                },
                null,
                Timeout.InfiniteTimeSpan,
                Timeout.InfiniteTimeSpan);
            _timers.Add(timer);

            // Armed only after it is tracked, so a fake clock that fires synchronously finds it.
            timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        ITimer[] timers;
        lock (_gate)
        {
            _disposed = true;
            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    private void Run(Action action)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
        }

        try
        {
            action();
        }
#pragma warning disable CA1031 // A failed transition must not take the process down; it is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogTransitionFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A LocalCloud life-cycle transition failed.")]
    private partial void LogTransitionFailed(Exception exception);
}
