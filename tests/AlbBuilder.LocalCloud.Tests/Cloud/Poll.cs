namespace AlbBuilder.LocalCloud.Tests.Cloud;

/// <summary>
/// Waits for LocalCloud's asynchronous convergence (thread-pool transitions, real health checks on loopback).
/// Integration-test helper only: it never asserts how long something took, it only bounds the wait.
/// </summary>
internal static class Poll
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        using var cts = new CancellationTokenSource(Limit);
        var last = default(T);
        while (!cts.IsCancellationRequested)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cts.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        throw new TimeoutException($"Gave up waiting for {what}; last value: {last}");
    }

    public static Task UntilAsync(Func<bool> condition, string what) =>
        UntilAsync(() => Task.FromResult(condition()), ok => ok, what);
}
