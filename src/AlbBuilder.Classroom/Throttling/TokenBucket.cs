namespace AlbBuilder.Classroom.Throttling;

/// <summary>
/// A token bucket on a <see cref="TimeProvider"/>. A caller takes its tokens at once, even into debt, and waits until
/// the debt is refilled: callers are served in arrival order and each waits exactly once.
/// </summary>
internal sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private double _tokens;
    private long _stamp;

    public TokenBucket(RequestRate rate, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate.Capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate.RefillPerSecond);
        Rate = rate;
        _time = time;
        _tokens = rate.Capacity;
        _stamp = time.GetTimestamp();
    }

    /// <summary>Gets the bucket's size and refill rate.</summary>
    public RequestRate Rate { get; }

    /// <summary>Gets the tokens in the bucket now (negative while callers wait for their debt).</summary>
    public double Available
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _tokens;
            }
        }
    }

    /// <summary>Takes <paramref name="tokens"/>, waiting on the clock while the bucket is in debt.</summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting; the tokens are given back.</exception>
    public async ValueTask TakeAsync(double tokens, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TimeSpan wait;
        lock (_gate)
        {
            Refill();
            _tokens -= tokens;
            wait = _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / Rate.RefillPerSecond);
        }

        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                Refill();
                _tokens = Math.Min(Rate.Capacity, _tokens + tokens);
            }

            throw;
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_stamp, now).TotalSeconds;
        _stamp = now;
        _tokens = Math.Min(Rate.Capacity, _tokens + (elapsed * Rate.RefillPerSecond));
    }
}
