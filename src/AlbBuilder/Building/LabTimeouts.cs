namespace AlbBuilder;

/// <summary>How long the lab waits for each slow step before giving up.</summary>
/// <param name="InstancesRunning">Instances reach <c>running</c>. <value>The default is 10 minutes.</value></param>
/// <param name="LoadBalancerActive">The load balancer reaches <c>active</c> (usually 2–5 min, sometimes much longer). <value>The default is 20 minutes.</value></param>
/// <param name="TargetsHealthy">Every target is <c>healthy</c> (boot, user data and health checks). <value>The default is 15 minutes.</value></param>
/// <param name="Teardown">The whole teardown. <value>The default is 20 minutes.</value></param>
public sealed record LabTimeouts(
    TimeSpan InstancesRunning,
    TimeSpan LoadBalancerActive,
    TimeSpan TargetsHealthy,
    TimeSpan Teardown)
{
    /// <summary>The defaults: 10, 20, 15 and 20 minutes.</summary>
    public static LabTimeouts Default { get; } =
        new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(20));
}
