namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>
/// The control plane's answer to "where is this target now?", asked before every probe and on
/// <see cref="TargetHealthChecker.Reevaluate"/>. Build it with the factory methods.
/// </summary>
internal sealed record TargetEndpoint
{
    private TargetEndpoint(TargetReachability reachability, int? loopbackPort, string? privateIpAddress, string? instanceState)
    {
        Reachability = reachability;
        LoopbackPort = loopbackPort;
        PrivateIpAddress = privateIpAddress;
        InstanceState = instanceState;
    }

    /// <summary>Gets how the target can be reached.</summary>
    public TargetReachability Reachability { get; }

    /// <summary>Gets the 127.0.0.1 port of the instance's web server, when <see cref="TargetReachability.Reachable"/>.</summary>
    public int? LoopbackPort { get; }

    /// <summary>Gets the instance's private IPv4 address, sent as the probe's Host header.</summary>
    public string? PrivateIpAddress { get; }

    /// <summary>Gets the EC2 instance state name when not running (for the <c>Target.InvalidState</c> description).</summary>
    public string? InstanceState { get; }

    /// <summary>The instance runs and its web server listens on <paramref name="loopbackPort"/>.</summary>
    /// <param name="loopbackPort">The 127.0.0.1 port of the instance's web server.</param>
    /// <param name="privateIpAddress">The instance's private IPv4 address.</param>
    /// <returns>A reachable endpoint.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The port is not 1–65535.</exception>
    /// <exception cref="ArgumentException">The address is empty.</exception>
    public static TargetEndpoint Reachable(int loopbackPort, string privateIpAddress)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(loopbackPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(loopbackPort, 65535);
        ArgumentException.ThrowIfNullOrWhiteSpace(privateIpAddress);
        return new TargetEndpoint(TargetReachability.Reachable, loopbackPort, privateIpAddress, "running");
    }

    /// <summary>The instance runs but its security group does not admit the load balancer: probes time out.</summary>
    /// <param name="privateIpAddress">The instance's private IPv4 address.</param>
    /// <returns>A blocked endpoint.</returns>
    /// <exception cref="ArgumentException">The address is empty.</exception>
    public static TargetEndpoint Blocked(string privateIpAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateIpAddress);
        return new TargetEndpoint(TargetReachability.Blocked, null, privateIpAddress, "running");
    }

    /// <summary>The instance is not running; the target shows <c>unused</c> / <c>Target.InvalidState</c>.</summary>
    /// <param name="instanceState">The EC2 state name, for example <c>stopped</c> or <c>terminated</c>.</param>
    /// <returns>A not-running endpoint.</returns>
    /// <exception cref="ArgumentException">The state is empty.</exception>
    public static TargetEndpoint NotRunning(string instanceState = "stopped")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceState);
        return new TargetEndpoint(TargetReachability.NotRunning, null, null, instanceState);
    }
}
