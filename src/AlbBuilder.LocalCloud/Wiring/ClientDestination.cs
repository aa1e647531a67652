namespace AlbBuilder.LocalCloud.Wiring;

/// <summary>Where a client's connection lands in the emulated network: a listener, an instance's port, or nowhere.</summary>
internal sealed record ClientDestination
{
    private ClientDestination(string? listenerArn, string? instanceId, int port)
    {
        ListenerArn = listenerArn;
        InstanceId = instanceId;
        Port = port;
    }

    /// <summary>Gets the answer for a connection that fails (unknown host, closed listener, security group).</summary>
    public static ClientDestination Unreachable { get; } = new(null, null, 0);

    /// <summary>Gets the listener the connection reaches, when it reaches a load balancer.</summary>
    public string? ListenerArn { get; }

    /// <summary>Gets the instance the connection reaches, when it reaches an instance's public address.</summary>
    public string? InstanceId { get; }

    /// <summary>Gets the instance port the connection reaches.</summary>
    public int Port { get; }

    public static ClientDestination Listener(string listenerArn) => new(listenerArn, null, 0);

    public static ClientDestination Instance(string instanceId, int port) => new(null, instanceId, port);
}
