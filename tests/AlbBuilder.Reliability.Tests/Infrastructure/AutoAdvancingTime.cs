using Microsoft.Extensions.Time.Testing;

namespace AlbBuilder.Reliability.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that jumps forward as soon as code starts a short timer (a poll or a backoff), so
/// waits that can only end in a timeout end at once (as tests/AlbBuilder.Tests/Provisioning/AutoAdvancingTime does).
/// </summary>
internal sealed class AutoAdvancingTime() : FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero))
{
    private static readonly TimeSpan _longestAutoAdvanced = TimeSpan.FromMinutes(2);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime <= _longestAutoAdvanced)
        {
            ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        }

        return timer;
    }
}
