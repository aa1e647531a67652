using System.Diagnostics;
using AlbBuilder.LocalCloud.DataPlane;

namespace AlbBuilder.LocalCloud.Tests.DataPlane;

/// <summary>
/// A probe the test answers: each check waits until the test answers it, and the checker has applied the answer
/// before <see cref="AnswerAsync"/> returns, so assertions that follow see the result (no polling).
/// </summary>
internal sealed class ScriptedProbe : ITargetHealthProbe
{
    /// <summary>A safety net on a shared machine; a passing test needs a few milliseconds.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<TargetKey, Queue<Call>> _calls = [];
    private readonly Dictionary<TargetKey, TaskCompletionSource> _waiters = [];
    private readonly List<HealthProbeRequest> _requests = [];

    /// <summary>Gets every request the checker made, in order.</summary>
    public IReadOnlyList<HealthProbeRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public Task<HealthProbeResult> ProbeAsync(HealthProbeRequest request, CancellationToken cancellationToken)
    {
        // Synchronous continuations: the checker's loop resumes inside SetResult (see AnswerAsync).
        var call = new Call(request, new TaskCompletionSource<HealthProbeResult>());
        cancellationToken.Register(() => call.Result.TrySetCanceled(cancellationToken));
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            _requests.Add(request);
            if (!_calls.TryGetValue(request.Target, out var queue))
            {
                _calls[request.Target] = queue = new Queue<Call>();
            }

            queue.Enqueue(call);
            _waiters.Remove(request.Target, out waiter);
        }

        waiter?.TrySetResult();
        return call.Result.Task;
    }

    /// <summary>Waits for the next check of <paramref name="target"/> and returns it, leaving it unanswered.</summary>
    public async Task<HealthProbeRequest> NextAsync(TargetKey target) => (await NextCallAsync(target, dequeue: false)).Request;

    /// <summary>Waits for the next check of <paramref name="target"/> and answers it; the checker has applied it on return.</summary>
    public async Task<HealthProbeRequest> AnswerAsync(TargetKey target, HealthProbeResult result)
    {
        var call = await NextCallAsync(target, dequeue: true);

        // Completed on a pool thread (no synchronization context), the checker's continuation runs inline there,
        // up to its next wait for the timer: when this returns, the result is applied.
        await Task.Run(() => call.Result.SetResult(result));
        return call.Request;
    }

    /// <summary>Whether a check of <paramref name="target"/> is waiting for an answer.</summary>
    public bool IsPending(TargetKey target)
    {
        lock (_gate)
        {
            return _calls.TryGetValue(target, out var queue) && queue.Count > 0;
        }
    }

    private async Task<Call> NextCallAsync(TargetKey target, bool dequeue)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (_calls.TryGetValue(target, out var queue) && queue.TryPeek(out var call))
                {
                    if (dequeue)
                    {
                        queue.Dequeue();
                    }

                    return call;
                }

                var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters[target] = waiter;
                arrived = waiter.Task;
            }

            var left = Limit - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero || !await arrived.WaitAsync(left).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default))
            {
                Assert.Fail($"No health check of {target} came.");
            }
        }
    }

    private sealed record Call(HealthProbeRequest Request, TaskCompletionSource<HealthProbeResult> Result);
}
