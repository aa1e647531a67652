using AlbBuilder.LocalCloud.DataPlane;

namespace AlbBuilder.LocalCloud.Wiring;

/// <summary>How a load balancer reaches a target, in the emulated network's terms (instance port, not loopback port).</summary>
internal sealed record TargetAccess
{
    private TargetAccess(TargetReachability reachability, string? instanceId, int port, string? privateIp, string? instanceState)
    {
        Reachability = reachability;
        InstanceId = instanceId;
        Port = port;
        PrivateIp = privateIp;
        InstanceState = instanceState;
    }

    public TargetReachability Reachability { get; }

    /// <summary>Gets the instance, when reachable.</summary>
    public string? InstanceId { get; }

    /// <summary>Gets the instance port, when reachable.</summary>
    public int Port { get; }

    /// <summary>Gets the instance's private address, when it runs.</summary>
    public string? PrivateIp { get; }

    /// <summary>Gets the EC2 state name, when it does not run.</summary>
    public string? InstanceState { get; }

    public static TargetAccess Reachable(string instanceId, int port, string privateIp) =>
        new(TargetReachability.Reachable, instanceId, port, privateIp, null);

    public static TargetAccess Blocked(string privateIp) => new(TargetReachability.Blocked, null, 0, privateIp, null);

    public static TargetAccess NotRunning(string instanceState) => new(TargetReachability.NotRunning, null, 0, null, instanceState);
}
