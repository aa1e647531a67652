using AlbBuilder.Waiters;
using Microsoft.Extensions.Time.Testing;

namespace AlbBuilder.Tests.Waiters;

/// <summary>Drives waiters on a fake clock: no real sleeps; after each step it waits (bounded) for the woken code to catch up.</summary>
internal sealed class WaiterClock
{
    public SettlingTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public RecordingProgress Progress { get; } = new();

    /// <summary>Options with a jitter pinned to the low end, so every delay equals the minimum delay.</summary>
    public WaiterOptions Options(double jitter = 0.0) => new() { TimeProvider = Time, Progress = Progress, Random = new FixedRandom(jitter) };

    /// <summary>Asserts the waiter already finished without the clock moving (so a regression fails instead of hanging).</summary>
    public static Task<T> Now<T>(Task<T> task)
    {
        Assert.True(task.IsCompleted, "The waiter should have finished without waiting.");
        return task;
    }

    /// <summary>Asserts the waiter already finished without the clock moving.</summary>
    public static Task Now(Task task)
    {
        Assert.True(task.IsCompleted, "The waiter should have finished without waiting.");
        return task;
    }

    /// <summary>Waits (bounded, returning as soon as it holds) until <paramref name="condition"/> holds.</summary>
    /// <remarks>
    /// Spins instead of yielding: a timer's continuation runs on the thread pool, and on a loaded machine a fixed number
    /// of yields can run out before it does. The bound only stops a broken waiter from hanging the run.
    /// </remarks>
    public static async Task SettleUntilAsync(Func<bool> condition)
    {
        await Task.Run(() => SpinWait.SpinUntil(condition, SettleBound));
        Assert.True(condition(), "The condition did not hold after the waiter's continuations ran.");
    }

    /// <summary>Lets pending continuations run (a fixed number of yields).</summary>
    public static async Task SettleAsync()
    {
        for (var i = 0; i < 50; i++)
        {
            await Task.Yield();
        }
    }

    /// <summary>Advances the clock in steps until the task completes (bounded), then returns it.</summary>
    public async Task<T> RunAsync<T>(Task<T> task, TimeSpan step, int maxSteps = 1_000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await AdvanceAsync(step, task);
        }

        Assert.True(task.IsCompleted, "The waiter did not finish within the bounded number of clock steps.");
        return await task;
    }

    /// <summary>Advances the clock in steps until the task completes (bounded).</summary>
    public async Task RunAsync(Task task, TimeSpan step, int maxSteps = 1_000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await AdvanceAsync(step, task);
        }

        Assert.True(task.IsCompleted, "The waiter did not finish within the bounded number of clock steps.");
        await task;
    }

    /// <summary>
    /// Advances the clock; when that fires a timer, waits until the woken code has caught up: <paramref name="task"/>
    /// finished or a new timer was armed (the waiter's next delay).
    /// </summary>
    public async Task AdvanceAsync(TimeSpan step, Task task)
    {
        var created = Time.TimersCreated;
        var fired = Time.TimersFired;
        Time.Advance(step);
        if (Time.TimersFired == fired)
        {
            return;
        }

        await Task.Run(() => SpinWait.SpinUntil(() => task.IsCompleted || Time.TimersCreated > created, SettleBound));
    }

    private static readonly TimeSpan SettleBound = TimeSpan.FromSeconds(30);
}
