using Microsoft.Extensions.Time.Testing;

namespace AlbBuilder.Tests.Waiters;

/// <summary>
/// A FakeTimeProvider that counts the timers created and fired, so a test can tell when the code woken by an
/// <see cref="FakeTimeProvider.Advance"/> has caught up (finished, or armed its next timer) without guessing with yields:
/// Task.Delay on a TimeProvider resumes its awaiter on the thread pool, which a loaded machine can postpone.
/// </summary>
internal sealed class SettlingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TimeSpan, int> _createdByDue = new();
    private int _created;
    private int _fired;

    public int TimersCreated => Volatile.Read(ref _created);

    public int TimersFired => Volatile.Read(ref _fired);

    /// <summary>How many timers were created due after <paramref name="dueTime"/>: tells one kind of wait (a pause) from others (timeouts).</summary>
    public int TimersCreatedDueAfter(TimeSpan dueTime) => _createdByDue.GetValueOrDefault(dueTime);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(
            s =>
            {
                Interlocked.Increment(ref _fired);
                callback(s);
            },
            state,
            dueTime,
            period);

        // Counted once the timer is armed: a test that advances the clock on seeing the count must not advance it
        // before the timer exists (it would then wait for a time that never comes).
        _createdByDue.AddOrUpdate(dueTime, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _created);
        return timer;
    }
}
