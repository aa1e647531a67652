using AlbBuilder.LocalCloud;

namespace AlbBuilder.Benchmarks;

/// <summary>
/// Lower bounds derived from the latency profile, whatever the orchestration (docs/performance.md explains each term).
/// <para>Serving: the ALB cannot route before it is active, and a target cannot pass a health check before its
/// instance runs and its web server answers; both clocks start with a create call that needs the VPC, the subnets and
/// a security group first, and the result must be observed by one describe. A target is registered only once ELB sees
/// its instance running (<c>TargetRegistrationLag</c> after EC2 does), which hides behind the web server's start
/// unless the lag is longer. So
/// <c>5 × RTT + max(LoadBalancerProvisioning, InstancePending + max(TargetRegistrationLag, WebServerReady))</c>.</para>
/// <para>Teardown: the load balancer's security group can go only when the deleted load balancer has disappeared and
/// its network interfaces have stopped lingering; the instances' group only when they are terminated. Finding the lab,
/// the delete call and the last DeleteSecurityGroup are sequential. So
/// <c>3 × RTT + max(LoadBalancerDeletion + NetworkInterfaceLinger, InstanceStopping)</c>.</para>
/// Not in the bounds (they are granularity, analysed separately): the health checker's phase (up to one scaled
/// interval) and how long a poll takes to notice a change (up to one poll delay).
/// </summary>
internal sealed record CriticalPath(LatencyProfile Profile, TimeSpan RoundTrip)
{
    /// <summary>The lab's default health-check interval (5 s) as LocalCloud runs it.</summary>
    public TimeSpan HealthCheckInterval => Profile.Configured(TimeSpan.FromSeconds(5));

    public TimeSpan ServingBound =>
        (RoundTrip * 5) + Max(Profile.LoadBalancerProvisioning, Profile.InstancePending + Max(Profile.TargetRegistrationLag, Profile.WebServerReady));

    public TimeSpan TeardownBound =>
        (RoundTrip * 3) + Max(Profile.LoadBalancerDeletion + Profile.NetworkInterfaceLinger, Profile.InstanceStopping);

    /// <summary>
    /// DNS propagation (issue 12): a client resolves the load balancer's name only <see cref="LatencyProfile.DnsPropagation"/>
    /// after CreateLoadBalancer (the 5th call). It lies on the path to the first request served through the name (the
    /// traffic check), not to "every target healthy", so it bounds <see cref="FirstServedBound"/> and not <see cref="ServingBound"/>.
    /// </summary>
    public TimeSpan DnsPropagationTerm => (RoundTrip * 5) + Profile.DnsPropagation;

    /// <summary>From StartAsync until a client is served through the load balancer's name: serving, and the name resolving.</summary>
    public TimeSpan FirstServedBound => Max(ServingBound, DnsPropagationTerm);

    /// <summary>
    /// The sequential baseline's own bound: the instances run and serve their own pages (the seed's first step), then
    /// the load balancer provisions.
    /// </summary>
    public TimeSpan SequentialServingBound =>
        (RoundTrip * 12) + Profile.InstancePending + Profile.WebServerReady + Profile.LoadBalancerProvisioning;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
