using AlbBuilder.LocalCloud.DataPlane;
using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.Elbv2;
using AlbBuilder.LocalCloud.Wiring;
using static AlbBuilder.LocalCloud.Tests.Wiring.CloudModel;

namespace AlbBuilder.LocalCloud.Tests.Wiring;

/// <summary>The security-group model as pure functions over cloud state: no sockets, no servers.</summary>
public sealed class ReachabilityTests : IDisposable
{
    private readonly CloudModel _cloud = new();

    [Fact]
    public void ResolveClient_LoadBalancerAdmitsListenerPort_ReachesTheListener()
    {
        var lb = _cloud.LoadBalancer(_cloud.Group(TcpFromCidr(80, "0.0.0.0/0")));
        var listener = _cloud.Listener(lb, 80, (_cloud.TargetGroup(), 1));

        Assert.Equal(ClientDestination.Listener(listener.Arn), Reachability.ResolveClient(_cloud.State, lb.DnsName, 80));
        Assert.Equal(ClientDestination.Listener(listener.Arn), Reachability.ResolveClient(_cloud.State, lb.DnsName.ToUpperInvariant() + ".", 80));
    }

    [Fact]
    public void ResolveClient_LoadBalancer_UnreachableWithoutRuleListenerOrWhileNotActive()
    {
        var open = _cloud.Group(TcpFromCidr(80, "0.0.0.0/0"));
        var closed = _cloud.LoadBalancer(_cloud.Group(TcpFromCidr(80, "10.0.0.0/8")));
        _cloud.Listener(closed, 80, (_cloud.TargetGroup(), 1));
        var provisioning = _cloud.LoadBalancer(open, LoadBalancerState.Provisioning);
        _cloud.Listener(provisioning, 80, (_cloud.TargetGroup(), 1));
        var deleting = _cloud.LoadBalancer(open);
        _cloud.Listener(deleting, 80, (_cloud.TargetGroup(), 1));
        deleting.Deleting = true;
        var noListener = _cloud.LoadBalancer(open);

        Assert.Equal(ClientDestination.Unreachable, Reachability.ResolveClient(_cloud.State, closed.DnsName, 80));
        Assert.Equal(ClientDestination.Unreachable, Reachability.ResolveClient(_cloud.State, provisioning.DnsName, 80));
        Assert.Equal(ClientDestination.Unreachable, Reachability.ResolveClient(_cloud.State, deleting.DnsName, 80));
        Assert.Equal(ClientDestination.Unreachable, Reachability.ResolveClient(_cloud.State, noListener.DnsName, 80));
        Assert.Equal(ClientDestination.Unreachable, Reachability.ResolveClient(_cloud.State, "unknown.example", 80));
    }

    [Fact]
    public void ResolveClient_InstancePublicAddress_FollowsItsGroupAndState()
    {
        var web = _cloud.Instance(_cloud.Group(TcpFromCidr(80, "0.0.0.0/0")));
        var stopped = _cloud.Instance(_cloud.Group(TcpFromCidr(80, "0.0.0.0/0")), InstanceState.Stopped);
        web.PublicDnsName = "ec2-1.compute-1.amazonaws.com";

        Assert.Equal(ClientDestination.Instance(web.Id, 80), Reachability.ResolveClient(_cloud.State, web.PublicIp!.ToString(), 80));
        Assert.Equal(ClientDestination.Instance(web.Id, 80), Reachability.ResolveClient(_cloud.State, "EC2-1.compute-1.amazonaws.com", 80));
        Assert.Equal(ClientDestination.Unreachable, Reachability.ResolveClient(_cloud.State, web.PublicIp.ToString(), 22));
        Assert.Equal(ClientDestination.Unreachable, Reachability.ResolveClient(_cloud.State, stopped.PublicIp!.ToString(), 80));
    }

    [Fact]
    public void ResolveTarget_InstanceAdmitsTheLoadBalancersGroup_IsReachableOnTheTargetPort()
    {
        var lbGroup = _cloud.Group(TcpFromCidr(80, "0.0.0.0/0"));
        var instance = _cloud.Instance(_cloud.Group(TcpFromGroup(80, lbGroup)));
        var targetGroup = _cloud.TargetGroup(instance);
        _cloud.Listener(_cloud.LoadBalancer(lbGroup), 80, (targetGroup, 1));

        var access = Resolve(targetGroup.Arn, new TargetKey(instance.Id, 80));

        Assert.Equal(TargetEndpoint.Reachable(40080, instance.PrivateIp.ToString()), access);
    }

    [Fact]
    public void ResolveTarget_InstanceAdmitsTheVpcCidr_IsReachable_OtherCidr_IsBlocked()
    {
        var lbGroup = _cloud.Group(TcpFromCidr(80, "0.0.0.0/0"));
        var viaVpc = _cloud.Instance(_cloud.Group(TcpFromCidr(80, "172.31.0.0/16")));
        var viaOther = _cloud.Instance(_cloud.Group(TcpFromCidr(80, "10.0.0.0/8")));
        var targetGroup = _cloud.TargetGroup(viaVpc, viaOther);
        _cloud.Listener(_cloud.LoadBalancer(lbGroup), 80, (targetGroup, 1));

        Assert.Equal(TargetReachability.Reachable, Resolve(targetGroup.Arn, new TargetKey(viaVpc.Id, 80)).Reachability);
        Assert.Equal(TargetEndpoint.Blocked(viaOther.PrivateIp.ToString()), Resolve(targetGroup.Arn, new TargetKey(viaOther.Id, 80)));
        Assert.Equal(TargetReachability.Blocked, Resolve(targetGroup.Arn, new TargetKey(viaVpc.Id, 8080)).Reachability);
    }

    [Fact]
    public void ResolveTarget_LoadBalancerEgressClosed_IsBlocked()
    {
        var lbGroup = _cloud.Group(TcpFromCidr(80, "0.0.0.0/0"));
        lbGroup.Egress.Clear();
        var instance = _cloud.Instance(_cloud.Group(TcpFromGroup(80, lbGroup)));
        var targetGroup = _cloud.TargetGroup(instance);
        _cloud.Listener(_cloud.LoadBalancer(lbGroup), 80, (targetGroup, 1));

        Assert.Equal(TargetReachability.Blocked, Resolve(targetGroup.Arn, new TargetKey(instance.Id, 80)).Reachability);
    }

    [Fact]
    public void ResolveTarget_NoListenerForwardsToTheGroup_IsBlocked()
    {
        var instance = _cloud.Instance(_cloud.Group(TcpFromCidr(80, "0.0.0.0/0")));
        var targetGroup = _cloud.TargetGroup(instance);

        Assert.Equal(TargetReachability.Blocked, Resolve(targetGroup.Arn, new TargetKey(instance.Id, 80)).Reachability);
        Assert.Equal(TargetReachability.Blocked, Resolve("arn:unknown", new TargetKey(instance.Id, 80)).Reachability);
    }

    [Fact]
    public void ResolveTarget_InstanceNotRunningOrGone_IsNotRunningWithItsState()
    {
        var stopped = _cloud.Instance(_cloud.Group(), InstanceState.Stopped);
        var targetGroup = _cloud.TargetGroup(stopped);

        Assert.Equal(TargetEndpoint.NotRunning("stopped"), Resolve(targetGroup.Arn, new TargetKey(stopped.Id, 80)));
        Assert.Equal(TargetEndpoint.NotRunning("terminated"), Resolve(targetGroup.Arn, new TargetKey("i-0123456789abcdef0", 80)));
    }

    public void Dispose() => _cloud.Dispose();

    /// <summary>Resolves with a data plane that serves every instance port on 40000 + port.</summary>
    private TargetEndpoint Resolve(string targetGroupArn, TargetKey key) =>
        Reachability.ResolveTarget(_cloud.State, targetGroupArn, key, (_, port) => 40000 + port);
}
