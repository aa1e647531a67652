namespace AlbBuilder.Classroom.Throttling;

/// <summary>
/// Shared polling: describe calls by IDs that arrive within one batch window are sent as one call (split at the API's
/// limit), and each caller gets a response holding only its own resources. When the shared call fails because of an ID,
/// or a caller's resources are missing from it, those callers are answered by a call of their own, so that each sees
/// exactly the answer (or error, e.g. <c>InvalidInstanceID.NotFound</c>) the official waiters expect.
/// </summary>
internal sealed class DescribeCoalescer<TRequest, TResponse>
    where TRequest : class
{
    private readonly IDescribeBatching<TRequest, TResponse> _batching;
    private readonly Func<TRequest, CancellationToken, Task<TResponse>> _send;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private List<Caller>? _pending;

    /// <param name="batching">How requests merge and responses split.</param>
    /// <param name="send">Sends one call (rate-limited and counted).</param>
    /// <param name="window">How long a batch collects callers.</param>
    /// <param name="time">The clock the window runs on.</param>
    public DescribeCoalescer(IDescribeBatching<TRequest, TResponse> batching, Func<TRequest, CancellationToken, Task<TResponse>> send, TimeSpan window, TimeProvider time)
    {
        _batching = batching;
        _send = send;
        _window = window;
        _time = time;
    }

    /// <summary>Whether <paramref name="request"/> names only IDs, and so can share a call.</summary>
    public bool CanShare(TRequest request) => _batching.IdsOf(request) is { Count: > 0 };

    /// <summary>Answers <paramref name="request"/> (which <see cref="CanShare"/>) from the next shared call.</summary>
    public Task<TResponse> DescribeAsync(TRequest request, CancellationToken cancellationToken)
    {
        var caller = new Caller(request, [.. _batching.IdsOf(request)!], cancellationToken);
        bool first;
        lock (_gate)
        {
            first = _pending is null;
            (_pending ??= []).Add(caller);
        }

        if (first)
        {
            _ = SendBatchLaterAsync();
        }

        return caller.Answer.Task.WaitAsync(cancellationToken);
    }

    private async Task SendBatchLaterAsync()
    {
        List<Caller> batch = [];
        try
        {
            await Task.Delay(_window, _time).ConfigureAwait(false);
            lock (_gate)
            {
                batch = _pending ?? [];
                _pending = null;
            }

            await SendBatchAsync(batch).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // Never leave a caller waiting, whatever failed.
            foreach (var caller in batch)
            {
                caller.Answer.TrySetException(error);
            }
        }
    }

    private async Task SendBatchAsync(List<Caller> batch)
    {
        if (batch.Count == 1)
        {
            await AnswerAloneAsync(batch[0]).ConfigureAwait(false);
            return;
        }

        var ids = batch.SelectMany(c => c.Ids).Distinct(StringComparer.Ordinal).ToList();
        TResponse[] responses;
        try
        {
            // The shared call is not cancelled by one caller: the others still want it.
            responses = await Task.WhenAll(ids.Chunk(_batching.MaxIdsPerCall)
                .Select(chunk => _send(_batching.RequestFor(chunk), CancellationToken.None))).ConfigureAwait(false);
        }
        catch (Exception error) when (_batching.IsAboutIds(error))
        {
            await Task.WhenAll(batch.Select(AnswerAloneAsync)).ConfigureAwait(false);
            return;
        }
        catch (Exception error)
        {
            foreach (var caller in batch)
            {
                caller.Answer.TrySetException(error);
            }

            return;
        }

        var found = responses.SelectMany(_batching.IdsIn).ToHashSet(StringComparer.Ordinal);
        var missing = new List<Caller>();
        foreach (var caller in batch)
        {
            if (caller.Ids.All(found.Contains))
            {
                caller.Answer.TrySetResult(_batching.Only(responses, caller.Ids.ToHashSet(StringComparer.Ordinal)));
            }
            else
            {
                missing.Add(caller);
            }
        }

        await Task.WhenAll(missing.Select(AnswerAloneAsync)).ConfigureAwait(false);
    }

    private async Task AnswerAloneAsync(Caller caller)
    {
        try
        {
            caller.Answer.TrySetResult(await _send(caller.Request, caller.CancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (caller.CancellationToken.IsCancellationRequested)
        {
            caller.Answer.TrySetCanceled(caller.CancellationToken);
        }
        catch (Exception error)
        {
            caller.Answer.TrySetException(error);
        }
    }

    private sealed record Caller(TRequest Request, IReadOnlyList<string> Ids, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<TResponse> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
