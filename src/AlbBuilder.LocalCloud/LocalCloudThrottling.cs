namespace AlbBuilder.LocalCloud;

/// <summary>
/// How LocalCloud throttles API requests (<see cref="LocalCloudOptions.Throttling"/>): with AWS's published token buckets
/// (EC2 answers <c>RequestLimitExceeded</c> with HTTP 503, ELBv2 <c>Throttling</c> with 400), not at all, or with small
/// fixed buckets for a test. A throttled request changes nothing; the data plane is never throttled.
/// </summary>
public sealed class LocalCloudThrottling
{
    private LocalCloudThrottling(string name, double? capacity, double? refillPerSecond)
    {
        Name = name;
        FixedCapacity = capacity;
        FixedRefillPerSecond = refillPerSecond;
    }

    /// <summary>
    /// Gets AWS's buckets: EC2's per-action request buckets by category and its instance (resource) buckets, ELBv2's
    /// per-category and account-level buckets, at AWS's capacities. Refills are scaled like every other duration: per
    /// second of the cloud's clock, AWS's refill ÷ <see cref="LatencyProfile.TimeScale"/>, so a class on
    /// <c>Realistic(0.02)</c> meets AWS's limits per simulated second. On <see cref="LatencyProfile.Instant"/> (time scale 0)
    /// the refill is infinite: nothing is throttled.
    /// </summary>
    /// <value>A shared instance; the default of <see cref="LocalCloudOptions.Throttling"/>.</value>
    public static LocalCloudThrottling Aws { get; } = new("Aws", null, null);

    /// <summary>Gets the setting that throttles nothing, whatever the profile.</summary>
    /// <value>A shared instance.</value>
    public static LocalCloudThrottling Off { get; } = new("Off", null, null);

    /// <summary>Gets the setting's name (<c>Aws</c>, <c>Off</c> or <c>Fixed</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the capacity of every request bucket with <see cref="Fixed"/>; null otherwise.</summary>
    public double? FixedCapacity { get; }

    /// <summary>Gets the refill per second of every request bucket with <see cref="Fixed"/>; null otherwise.</summary>
    public double? FixedRefillPerSecond { get; }

    /// <summary>
    /// Creates a setting for tests, on any profile (the Instant one included): every request bucket AWS has (EC2's per
    /// action, ELBv2's per category and its account bucket) holds <paramref name="capacity"/> tokens and gains
    /// <paramref name="refillPerSecond"/> per second of the cloud's <see cref="LocalCloudOptions.TimeProvider"/>, unscaled.
    /// EC2's resource (instance-count) buckets are off.
    /// </summary>
    /// <param name="capacity">Tokens per bucket, at least 1 (a full bucket admits this many requests at once).</param>
    /// <param name="refillPerSecond">Tokens added per second; 0 never refills.</param>
    /// <returns>The setting.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is below 1, or the refill negative or not finite.</exception>
    /// <example><c>new LocalCloudOptions { Throttling = LocalCloudThrottling.Fixed(capacity: 2, refillPerSecond: 1) }</c></example>
    public static LocalCloudThrottling Fixed(double capacity, double refillPerSecond)
    {
        if (!double.IsFinite(capacity) || capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be at least 1.");
        }

        if (!double.IsFinite(refillPerSecond) || refillPerSecond < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(refillPerSecond), refillPerSecond, "The refill rate must be 0 or more.");
        }

        return new LocalCloudThrottling("Fixed", capacity, refillPerSecond);
    }

    /// <inheritdoc/>
    public override string ToString() => FixedCapacity is { } c ? $"Fixed({c}, {FixedRefillPerSecond}/s)" : Name;
}
