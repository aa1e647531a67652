namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>How a health probe (and routed traffic) would reach a target right now.</summary>
internal enum TargetReachability
{
    /// <summary>The instance is running and its web server listens on a loopback port.</summary>
    Reachable,

    /// <summary>The instance is running but its security group drops the load balancer's packets: probes time out.</summary>
    Blocked,

    /// <summary>The instance is not running (stopped, stopping, pending, terminated): the target is <c>unused</c>.</summary>
    NotRunning,
}
