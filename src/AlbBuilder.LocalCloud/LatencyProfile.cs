namespace AlbBuilder.LocalCloud;

/// <summary>
/// How long LocalCloud's life cycles take: its own emulated latencies (provisioning, booting, stopping) and
/// a scale for the durations users configure on AWS (health-check interval and timeout, deregistration delay,
/// the period a deleted load balancer's network interfaces keep its security groups in use).
/// </summary>
public sealed class LatencyProfile
{
    private LatencyProfile(string name, double timeScale, double configuredScale, TimeSpan configuredFloor)
    {
        Name = name;
        TimeScale = timeScale;
        ConfiguredDurationScale = configuredScale;
        ConfiguredDurationFloor = configuredFloor;
    }

    /// <summary>Gets the profile for tests: no emulated latency, and AWS-configured durations × 0.01 (at least 20 ms).</summary>
    /// <value>A shared instance.</value>
    public static LatencyProfile Instant { get; } = new("Instant", 0, 0.01, TimeSpan.FromMilliseconds(20));

    /// <summary>Gets the profile's name (<c>Instant</c> or <c>Realistic</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the factor applied to the emulated AWS latencies (0 for <see cref="Instant"/>).</summary>
    public double TimeScale { get; }

    /// <summary>Gets the factor applied to AWS-configured durations such as the health-check interval.</summary>
    public double ConfiguredDurationScale { get; }

    /// <summary>Gets the smallest duration a scaled AWS-configured duration is allowed to shrink to.</summary>
    public TimeSpan ConfiguredDurationFloor { get; }

    /// <summary>Gets how long a new load balancer stays <c>provisioning</c> (about 120 s on AWS).</summary>
    public TimeSpan LoadBalancerProvisioning => Emulated(120);

    /// <summary>Gets how long a deleted load balancer stays visible (about 30 s).</summary>
    public TimeSpan LoadBalancerDeletion => Emulated(30);

    /// <summary>Gets how long an instance stays <c>pending</c> (about 20 s).</summary>
    public TimeSpan InstancePending => Emulated(20);

    /// <summary>Gets how long after boot an instance's web server starts answering (about 60 s).</summary>
    public TimeSpan WebServerReady => Emulated(60);

    /// <summary>Gets how long an instance stays <c>stopping</c> or <c>shutting-down</c> (about 10 s).</summary>
    public TimeSpan InstanceStopping => Emulated(10);

    /// <summary>Gets how long a deleted load balancer's network interfaces keep its security groups in use (about 60 s on AWS, scaled like a configured duration).</summary>
    public TimeSpan NetworkInterfaceLinger => Configured(TimeSpan.FromSeconds(60));

    /// <summary>Gets how long terminated instances stay visible to DescribeInstances (about an hour on AWS; at least 10 minutes here).</summary>
    public TimeSpan TerminatedVisibility => TimeSpan.FromSeconds(Math.Max(600, 3600 * TimeScale));

    /// <summary>Creates a profile with AWS-like latencies multiplied by <paramref name="timeScale"/>.</summary>
    /// <param name="timeScale">1.0 for real-world timings, 0.1 for a ten-times-faster demo.</param>
    /// <returns>The profile; AWS-configured durations are scaled by the same factor (at least 10 ms).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The scale is negative, not finite or above 10.</exception>
    public static LatencyProfile Realistic(double timeScale = 1.0)
    {
        if (!double.IsFinite(timeScale) || timeScale < 0 || timeScale > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(timeScale), timeScale, "The time scale must be between 0 and 10.");
        }

        return new LatencyProfile("Realistic", timeScale, timeScale, TimeSpan.FromMilliseconds(10));
    }

    /// <summary>Scales a duration configured on the emulated AWS resource (health-check interval, deregistration delay, …).</summary>
    /// <param name="awsDuration">The duration as configured on AWS.</param>
    /// <returns>The duration LocalCloud uses; zero stays zero.</returns>
    public TimeSpan Configured(TimeSpan awsDuration)
    {
        if (awsDuration <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var scaled = TimeSpan.FromTicks((long)(awsDuration.Ticks * ConfiguredDurationScale));
        return scaled < ConfiguredDurationFloor ? ConfiguredDurationFloor : scaled;
    }

    /// <inheritdoc/>
    public override string ToString() => TimeScale == 0 && Name == "Instant" ? Name : $"{Name}(×{TimeScale})";

    // --- Data plane fidelity (issue 12: stopping targets, DNS propagation) ---

    /// <summary>
    /// Gets how long the load balancer keeps routing to an instance that began <c>stopping</c> (its web server already
    /// refuses connections, so those requests answer 502) unless its health checks fail or it stops first. On AWS the
    /// load balancer learns of the stop through its health checks; 30 s here, 0 for <see cref="Instant"/> (instant cut-over).
    /// </summary>
    public TimeSpan StoppingTargetRoutable => Emulated(30);

    /// <summary>
    /// Gets how long after its creation a new load balancer's DNS name starts to resolve (AWS: DNS propagation, typically
    /// a few minutes). 150 s here, so the name resolves about 30 s after the load balancer turns <c>active</c>; 0 for
    /// <see cref="Instant"/>.
    /// </summary>
    public TimeSpan DnsPropagation => Emulated(150);

    private TimeSpan Emulated(double seconds) => TimeSpan.FromSeconds(seconds * TimeScale);

    // Instances and targets (issue 12): client-token memory, the ELB registration lag, and a stop duration a test can set.
    private TimeSpan? _targetRegistrationLag;
    private TimeSpan? _instanceStoppingOverride;

    /// <summary>Gets how long RunInstances remembers a client token after its instances are gone (at least 24 h, as on AWS).</summary>
    public TimeSpan ClientTokenMemory => TimeSpan.FromHours(24 * Math.Max(1, TimeScale));

    /// <summary>
    /// Gets how long after an instance turns <c>running</c> RegisterTargets still answers <c>InvalidTarget</c> for it: ELB's
    /// view of a new instance lags behind EC2's (a few seconds on AWS; 0 on <see cref="Instant"/> unless set).
    /// </summary>
    public TimeSpan TargetRegistrationLag => _targetRegistrationLag ?? Emulated(5);

    /// <summary>Gets how long an instance stays <c>stopping</c> or <c>shutting-down</c>: <see cref="InstanceStopping"/> unless set.</summary>
    internal TimeSpan InstanceHalting => _instanceStoppingOverride ?? InstanceStopping;

    /// <summary>Returns a copy of this profile with another registration lag (for example, a lag on <see cref="Instant"/>).</summary>
    /// <param name="lag">How long RegisterTargets rejects a just-started instance.</param>
    /// <returns>The new profile.</returns>
    public LatencyProfile WithTargetRegistrationLag(TimeSpan lag) =>
        new(Name, TimeScale, ConfiguredDurationScale, ConfiguredDurationFloor) { _targetRegistrationLag = NonNegative(lag), _instanceStoppingOverride = _instanceStoppingOverride };

    /// <summary>Returns a copy of this profile whose instances stay <c>stopping</c> / <c>shutting-down</c> for <paramref name="duration"/>.</summary>
    /// <param name="duration">How long a stop or termination takes.</param>
    /// <returns>The new profile.</returns>
    public LatencyProfile WithInstanceStopping(TimeSpan duration) =>
        new(Name, TimeScale, ConfiguredDurationScale, ConfiguredDurationFloor) { _targetRegistrationLag = _targetRegistrationLag, _instanceStoppingOverride = NonNegative(duration) };

    private static TimeSpan NonNegative(TimeSpan value) =>
        value < TimeSpan.Zero ? throw new ArgumentOutOfRangeException(nameof(value), value, "The duration must not be negative.") : value;
}
