namespace AlbBuilder.LocalCloud;

/// <summary>Points an <see cref="AlbLabBuilder"/> at a <see cref="LocalCloud"/>.</summary>
public static class LocalCloudLabExtensions
{
    /// <summary>
    /// Runs the lab on <paramref name="cloud"/>: its EC2 and ELBv2 clients, its traffic handler (ALB DNS names on
    /// loopback), its clock, and a polling interval that suits its latency profile (50 ms on
    /// <see cref="LatencyProfile.Instant"/>). The clients and handler belong to the cloud and are disposed with it.
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
            .WithPolling(poll);
    }
}
