namespace AlbBuilder.LocalCloud;

/// <summary>Points an <see cref="AlbLabBuilder"/> at a <see cref="LocalCloud"/>.</summary>
public static class LocalCloudLabExtensions
{
    /// <summary>
    /// Runs the lab on <paramref name="cloud"/>: its EC2 and ELBv2 clients, its traffic handler (ALB DNS names on
    /// loopback), its clock, a polling interval that suits its latency profile (50 ms on
    /// <see cref="LatencyProfile.Instant"/>), and the timeouts set so far scaled like the durations the profile emulates
    /// (at least one minute each), so a wait that can never end (or that ends early, as a health check that can never
    /// pass) ends as soon on LocalCloud as it would on AWS, relatively. The clients and handler belong to the cloud and
    /// are disposed with it.
    /// With dependency injection, <see cref="LocalCloudServicesBuilderExtensions.UseLocalCloud"/> does the same for every lab of the container.
    /// </summary>
    /// <param name="builder">The lab builder.</param>
    /// <param name="cloud">A started LocalCloud.</param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static AlbLabBuilder WithLocalCloud(this AlbLabBuilder builder, LocalCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(cloud);
        var poll = TimeSpan.FromMilliseconds(Math.Max(50, 5000 * cloud.LatencyProfile.TimeScale));
        return builder
            .WithAwsClients(cloud.SharedEc2Client, cloud.SharedElasticLoadBalancingV2Client)
            .WithTrafficHandler(cloud.SharedHttpMessageHandler)
            .WithTimeProvider(cloud.TimeProvider)
            .WithPolling(poll)
            .WithTimeouts(t => ScaledTimeouts(t, cloud.LatencyProfile));
    }

    // Fidelity (health checks): the lab's timeouts on the profile's clock. Health-check intervals and other durations
    // configured on AWS run ×ConfiguredDurationScale here, emulated latencies ×TimeScale: the larger governs. A minute
    // at least (unless less was set), so a loaded machine does not fail an Instant lab.
    internal static LabTimeouts ScaledTimeouts(LabTimeouts timeouts, LatencyProfile profile)
    {
        var scale = Math.Max(profile.TimeScale, profile.ConfiguredDurationScale);
        return new LabTimeouts(
            Scale(timeouts.InstancesRunning, scale),
            Scale(timeouts.LoadBalancerActive, scale),
            Scale(timeouts.TargetsHealthy, scale),
            Scale(timeouts.Teardown, scale));
    }

    private static TimeSpan Scale(TimeSpan timeout, double scale)
    {
        var scaled = TimeSpan.FromTicks((long)(timeout.Ticks * scale));
        var floor = TimeSpan.FromMinutes(1);
        return scaled >= floor ? scaled : timeout < floor ? timeout : floor;
    }
}
