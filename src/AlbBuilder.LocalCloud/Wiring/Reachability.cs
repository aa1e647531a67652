using System.Net;
using AlbBuilder.LocalCloud.DataPlane;
using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.Elbv2;
using AlbBuilder.LocalCloud.State;

namespace AlbBuilder.LocalCloud.Wiring;

/// <summary>
/// Which security groups let whom connect, as pure functions over the cloud state (no sockets, no ports):
/// a client to a load balancer's listener or an instance's public address, a load balancer to a target.
/// Every caller holds <see cref="CloudState.Gate"/>.
/// </summary>
internal static class Reachability
{
    /// <summary>The port the emulated httpd listens on inside an instance.</summary>
    public const int InstanceHttpPort = 80;

    /// <summary>Gets the address every client connects from (the test process, on loopback).</summary>
    public static IPAddress ClientAddress { get; } = IPAddress.Loopback;

    /// <summary>Where a client's connection to <paramref name="host"/>:<paramref name="port"/> lands.</summary>
    /// <returns>A listener of an active load balancer, a port of a running instance, or <see cref="ClientDestination.Unreachable"/>.</returns>
    public static ClientDestination ResolveClient(CloudState state, string host, int port)
    {
        if (state.LoadBalancerByDnsName(host) is { } loadBalancer)
        {
            return state.ListenerAt(loadBalancer.Arn, port) is { } listener && loadBalancer.IsActive && AdmitsClient(state, loadBalancer, port)
                ? ClientDestination.Listener(listener.Arn)
                : ClientDestination.Unreachable;
        }

        var instance = state.RunningInstanceAt(host);
        return instance is not null && NetworkRules.AdmitsIngress(state.SecurityGroupsOf(instance.SecurityGroupIds), port, ClientAddress, [])
            ? ClientDestination.Instance(instance.Id, port)
            : ClientDestination.Unreachable;
    }

    /// <summary>Whether the load balancer's groups admit the listener port from the client.</summary>
    public static bool AdmitsClient(CloudState state, LoadBalancer loadBalancer, int port) =>
        NetworkRules.AdmitsIngress(state.SecurityGroupsOf(loadBalancer.SecurityGroups), port, ClientAddress, []);

    /// <summary>Where a target of a group is for its load balancers: not running, blocked by security groups, or reachable.</summary>
    /// <param name="state">The cloud state.</param>
    /// <param name="targetGroupArn">The target group.</param>
    /// <param name="key">The target.</param>
    /// <param name="loopbackPortOf">Where the data plane serves an instance's port now (the model itself knows no sockets).</param>
    public static TargetEndpoint ResolveTarget(CloudState state, string targetGroupArn, TargetKey key, Func<string, int, int> loopbackPortOf)
    {
        if (!state.Instances.TryGetValue(key.InstanceId, out var instance))
        {
            return TargetEndpoint.NotRunning("terminated");
        }

        if (instance.State != InstanceState.Running)
        {
            return TargetEndpoint.NotRunning(instance.State.Name());
        }

        var privateIp = instance.PrivateIp.ToString();

        // Probes and traffic share one endpoint in the data plane, so both use the traffic port (documented).
        var reached = state.TargetGroups.ContainsKey(targetGroupArn)
            && state.LoadBalancersForwardingTo(targetGroupArn).Any(lb => LoadBalancerReaches(state, lb, instance, key.Port));
        return reached ? TargetEndpoint.Reachable(loopbackPortOf(instance.Id, key.Port), privateIp) : TargetEndpoint.Blocked(privateIp);
    }

    /// <summary>The load balancer's groups let the port out and one of the instance's groups admits it from a load balancer node (group or CIDR).</summary>
    public static bool LoadBalancerReaches(CloudState state, LoadBalancer loadBalancer, Ec2Instance instance, int port)
    {
        var loadBalancerGroups = state.SecurityGroupsOf(loadBalancer.SecurityGroups);
        var instanceGroups = state.SecurityGroupsOf(instance.SecurityGroupIds);
        return loadBalancer.Subnets.Any(node =>
            NetworkRules.AdmitsEgress(loadBalancerGroups, port, instance.PrivateIp, instance.SecurityGroupIds)
            && NetworkRules.AdmitsIngress(instanceGroups, port, node.PrivateIp, loadBalancer.SecurityGroups));
    }
}
