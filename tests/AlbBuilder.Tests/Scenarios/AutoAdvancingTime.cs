using Microsoft.Extensions.Time.Testing;

namespace AlbBuilder.Tests.Scenarios;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that jumps forward as soon as code starts a short timer (a poll delay or a retry
/// backoff), so waits complete at once without real sleeping. Long timers (timeouts, deadlines) are left alone: they
/// only fire when the short ones have moved the clock far enough.
/// </summary>
internal sealed class AutoAdvancingTime : FakeTimeProvider
{
    private static readonly TimeSpan _longestAutoAdvanced = TimeSpan.FromMinutes(2);

    public AutoAdvancingTime()
        : base(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>How many short timers were advanced (poll delays and backoffs).</summary>
    public int Advances;

    public List<TimeSpan> Delays { get; } = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime <= _longestAutoAdvanced)
        {
            Interlocked.Increment(ref Advances);
            lock (Delays)
            {
                Delays.Add(dueTime);
            }

            ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        }

        return timer;
    }
}
