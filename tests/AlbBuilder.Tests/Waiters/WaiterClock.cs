using AlbBuilder.Waiters;
using Microsoft.Extensions.Time.Testing;

namespace AlbBuilder.Tests.Waiters;

/// <summary>Drives waiters on a FakeTimeProvider: no real sleeps, only Task.Yield while continuations catch up.</summary>
internal sealed class WaiterClock
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

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

    /// <summary>Lets continuations scheduled by a fired timer run, until <paramref name="condition"/> holds (bounded).</summary>
    public static async Task SettleUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 10_000 && !condition(); i++)
        {
            await Task.Yield();
        }

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
            Time.Advance(step);
            await SettleAsync();
        }

        Assert.True(task.IsCompleted, "The waiter did not finish within the bounded number of clock steps.");
        return await task;
    }

    /// <summary>Advances the clock in steps until the task completes (bounded).</summary>
    public async Task RunAsync(Task task, TimeSpan step, int maxSteps = 1_000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            Time.Advance(step);
            await SettleAsync();
        }

        Assert.True(task.IsCompleted, "The waiter did not finish within the bounded number of clock steps.");
        await task;
    }
}
