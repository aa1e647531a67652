using Amazon.Runtime;

namespace AlbBuilder.Waiters;

/// <summary>Runs a <see cref="WaiterDefinition{TResponse}"/>: polls an operation until an acceptor decides success or failure, or the deadline passes.</summary>
internal static class Waiter
{
    /// <summary>
    /// Calls <paramref name="operation"/> until the first matching acceptor decides success (returns) or failure
    /// (throws), waiting between attempts on the Smithy schedule. A response no acceptor matches means retry;
    /// an <see cref="AmazonServiceException"/> no error acceptor matches, and any other exception, propagates.
    /// </summary>
    /// <typeparam name="TResponse">The type the operation returns.</typeparam>
    /// <param name="definition">The waiter to run.</param>
    /// <param name="operation">Calls AWS once (all pages); receives the cancellation token.</param>
    /// <param name="options">Timing, clock and progress; <see langword="null"/> uses <see cref="WaiterOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the wait and the call in flight.</param>
    /// <returns>The last response and how long it took.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> or <paramref name="operation"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> has invalid values (all are listed).</exception>
    /// <exception cref="WaiterFailedException">A failure acceptor matched.</exception>
    /// <exception cref="WaiterTimeoutException">The timeout passed first.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<WaiterResult<TResponse>> WaitAsync<TResponse>(
        WaiterDefinition<TResponse> definition,
        Func<CancellationToken, Task<TResponse>> operation,
        WaiterOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(operation);
        options ??= WaiterOptions.Default;
        options.Validate();

        var maxDelay = options.MaxDelay;
        var minDelay = options.MinDelay ?? (definition.MinDelay < maxDelay ? definition.MinDelay : maxDelay);
        var timeout = options.Timeout ?? definition.Timeout;
        var time = options.TimeProvider;
        var random = options.Random ?? Random.Shared;
        var started = time.GetTimestamp();

        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await AttemptAsync(definition, operation, cancellationToken).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(started);
            var state = outcome.Acceptor?.State ?? WaiterState.Retry;

            switch (state)
            {
                case WaiterState.Success:
                    Report(options, definition, attempt, elapsed, state, outcome.Observed, nextDelay: null);
                    return new WaiterResult<TResponse>(outcome.Response, attempt, elapsed, outcome.Observed);

                case WaiterState.Failure:
                    Report(options, definition, attempt, elapsed, state, outcome.Observed, nextDelay: null);
                    throw new WaiterFailedException(
                        definition.Name,
                        outcome.Acceptor!.Expected,
                        outcome.Acceptor.Description,
                        attempt,
                        elapsed,
                        outcome.Observed,
                        outcome.Error);

                default:
                    var remaining = timeout - elapsed;
                    if (remaining <= TimeSpan.Zero)
                    {
                        Report(options, definition, attempt, elapsed, state, outcome.Observed, nextDelay: null);
                        throw new WaiterTimeoutException(definition.Name, timeout, attempt, elapsed, outcome.Observed);
                    }

                    var delay = WaiterBackoff.NextDelay(attempt, minDelay, maxDelay, remaining, random);
                    Report(options, definition, attempt, elapsed, state, outcome.Observed, delay);
                    await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private static async Task<AttemptOutcome<TResponse>> AttemptAsync<TResponse>(
        WaiterDefinition<TResponse> definition,
        Func<CancellationToken, Task<TResponse>> operation,
        CancellationToken cancellationToken)
    {
        TResponse response;
        try
        {
            response = await operation(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException error) when (FindErrorAcceptor(definition, error) is not null)
        {
            return new AttemptOutcome<TResponse>(FindErrorAcceptor(definition, error), default, error, definition.ObserveError(error));
        }

        var observed = definition.Observe(response) ?? [];
        foreach (var acceptor in definition.Acceptors)
        {
            if (acceptor.ErrorCode is null && acceptor.Matches(response))
            {
                return new AttemptOutcome<TResponse>(acceptor, response, null, observed);
            }
        }

        // No acceptor matched a response: retry, as the official semantics say.
        return new AttemptOutcome<TResponse>(null, response, null, observed);
    }

    private static WaiterAcceptor<TResponse>? FindErrorAcceptor<TResponse>(WaiterDefinition<TResponse> definition, AmazonServiceException error)
    {
        foreach (var acceptor in definition.Acceptors)
        {
            if (acceptor.Matches(error))
            {
                return acceptor;
            }
        }

        return null;
    }

    private static void Report<TResponse>(
        WaiterOptions options,
        WaiterDefinition<TResponse> definition,
        int attempt,
        TimeSpan elapsed,
        WaiterState outcome,
        IReadOnlyList<ObservedState> observed,
        TimeSpan? nextDelay) =>
        options.Progress?.Report(new WaiterProgress(definition.Name, attempt, elapsed, outcome, observed, nextDelay));

    private sealed record AttemptOutcome<TResponse>(
        WaiterAcceptor<TResponse>? Acceptor,
        TResponse? Response,
        AmazonServiceException? Error,
        IReadOnlyList<ObservedState> Observed);
}
