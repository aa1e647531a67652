using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.Elbv2;

namespace AlbBuilder.LocalCloud.State;

/// <summary>The questions the APIs and the data plane ask of the state; every caller holds <see cref="Gate"/>.</summary>
internal sealed partial class CloudState
{
    /// <summary>The listeners of a load balancer.</summary>
    public IEnumerable<Listener> ListenersOf(string loadBalancerArn) =>
        Listeners.Values.Where(l => l.LoadBalancerArn == loadBalancerArn);

    /// <summary>The listener of a load balancer on a port, if any.</summary>
    public Listener? ListenerAt(string loadBalancerArn, int port) =>
        ListenersOf(loadBalancerArn).FirstOrDefault(l => l.Port == port);

    /// <summary>The listeners whose default actions forward to a target group.</summary>
    public IEnumerable<Listener> ListenersForwardingTo(string targetGroupArn) =>
        Listeners.Values.Where(l => l.ForwardsTo(targetGroupArn));

    /// <summary>The listeners whose load balancer is active (not provisioning, not being deleted): those that serve clients.</summary>
    public IEnumerable<Listener> ActiveListeners() =>
        Listeners.Values.Where(l => ActiveLoadBalancerOf(l) is not null);

    /// <summary>A listener's load balancer when it is active; <see langword="null"/> otherwise.</summary>
    public LoadBalancer? ActiveLoadBalancerOf(Listener listener) =>
        LoadBalancers.TryGetValue(listener.LoadBalancerArn, out var loadBalancer) && loadBalancer.IsActive ? loadBalancer : null;

    /// <summary>The ARNs of the load balancers whose listeners forward to a target group (deleting ones included).</summary>
    public List<string> LoadBalancerArnsForwardingTo(string targetGroupArn) =>
        ListenersForwardingTo(targetGroupArn).Select(l => l.LoadBalancerArn).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The load balancers whose listeners forward to a target group (deleting ones included).</summary>
    public List<LoadBalancer> LoadBalancersForwardingTo(string targetGroupArn) =>
        LoadBalancerArnsForwardingTo(targetGroupArn).Select(arn => LoadBalancers.GetValueOrDefault(arn)).OfType<LoadBalancer>().ToList();

    /// <summary>The target groups a load balancer's listeners forward to.</summary>
    public HashSet<string> TargetGroupArnsOf(string loadBalancerArn) =>
        ListenersOf(loadBalancerArn).SelectMany(l => l.TargetGroupArns).ToHashSet(StringComparer.Ordinal);

    /// <summary>The load balancer a DNS name belongs to (a trailing dot allowed), if any.</summary>
    public LoadBalancer? LoadBalancerByDnsName(string host) =>
        LoadBalancers.Values.FirstOrDefault(lb => string.Equals(lb.DnsName, host.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));

    /// <summary>The running instance a public address or public DNS name belongs to, if any.</summary>
    public Ec2Instance? RunningInstanceAt(string host) =>
        Instances.Values.FirstOrDefault(i =>
            i.State == InstanceState.Running
            && (host == i.PublicIp?.ToString() || string.Equals(host, i.PublicDnsName, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The existing groups among <paramref name="groupIds"/> (unknown ids are skipped).</summary>
    public List<SecurityGroup> SecurityGroupsOf(IEnumerable<string> groupIds) =>
        groupIds.Select(id => SecurityGroups.GetValueOrDefault(id)).OfType<SecurityGroup>().ToList();

    /// <summary>The group with a name in a VPC, if any.</summary>
    public SecurityGroup? SecurityGroupNamed(string name, string vpcId) =>
        SecurityGroups.Values.FirstOrDefault(g => g.Name == name && g.VpcId == vpcId);

    /// <summary>A VPC's <c>default</c> group.</summary>
    public SecurityGroup DefaultSecurityGroupOf(string vpcId) =>
        SecurityGroups.Values.First(g => g.IsDefault && g.VpcId == vpcId);
}
