using System.Diagnostics;

namespace AlbBuilder.Sample.Cloud;

/// <summary>
/// A clock that runs <see cref="Speed"/> times faster than real time: timers fire sooner and time passes faster.
/// LocalCloud scales AWS's latencies down by the same factor, so the lab's own waits (5–15 s polls, step timeouts)
/// keep their proportions to the emulated cloud instead of dominating the demo.
/// </summary>
internal sealed class ScaledTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _startUtc;
    private readonly long _startTimestamp;

    public ScaledTimeProvider(double speed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, 1.0);
        Speed = speed;
        _startUtc = System.GetUtcNow();
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>How many lab seconds pass per real second.</summary>
    public double Speed { get; }

    public override long TimestampFrequency => Stopwatch.Frequency;

    public override long GetTimestamp() =>
        _startTimestamp + (long)((Stopwatch.GetTimestamp() - _startTimestamp) * Speed);

    public override DateTimeOffset GetUtcNow() =>
        _startUtc + TimeSpan.FromTicks((long)(Stopwatch.GetElapsedTime(_startTimestamp).Ticks * Speed));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)), this);

    /// <summary>The real duration of a lab duration; infinite stays infinite.</summary>
    public TimeSpan ToReal(TimeSpan labTime) =>
        labTime == Timeout.InfiniteTimeSpan || labTime <= TimeSpan.Zero ? labTime : TimeSpan.FromTicks(Math.Max(1, (long)(labTime.Ticks / Speed)));

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.ToReal(dueTime), clock.ToReal(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
