namespace AlbBuilder.LocalCloud.Throttling;

/// <summary>
/// AWS's token bucket: it holds at most <see cref="Capacity"/> tokens and gains <see cref="RefillPerSecond"/> every second
/// of the cloud's clock (fractionally, as AWS's fractional rates such as 0.2 imply); a request takes its tokens or is throttled.
/// Not thread-safe: <see cref="RequestThrottle"/> serialises access.
/// </summary>
internal sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private double _tokens;
    private long _refilledAt;

    public TokenBucket(double capacity, double refillPerSecond, TimeProvider time)
    {
        Capacity = capacity;
        RefillPerSecond = refillPerSecond;
        _time = time;
        _tokens = capacity;
        _refilledAt = time.GetTimestamp();
    }

    /// <summary>Gets the most tokens the bucket holds (AWS's "bucket maximum capacity"; it starts full).</summary>
    public double Capacity { get; }

    /// <summary>Gets the tokens added per second of the cloud's clock.</summary>
    public double RefillPerSecond { get; }

    /// <summary>Gets the tokens in the bucket now.</summary>
    public double Tokens
    {
        get
        {
            Refill();
            return _tokens;
        }
    }

    /// <summary>Whether <paramref name="count"/> tokens are there now.</summary>
    public bool Has(double count) => Tokens >= count;

    /// <summary>Takes <paramref name="count"/> tokens; the caller checked <see cref="Has"/> first.</summary>
    public void Take(double count) => _tokens -= count;

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_refilledAt, now).TotalSeconds;
        if (elapsed > 0)
        {
            _tokens = Math.Min(Capacity, _tokens + (elapsed * RefillPerSecond));
            _refilledAt = now;
        }
    }
}
