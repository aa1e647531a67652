using AlbBuilder.LocalCloud.Elbv2;
using static AlbBuilder.LocalCloud.Tests.Wiring.CloudModel;

namespace AlbBuilder.LocalCloud.Tests.Wiring;

public sealed class CloudStateQueriesTests : IDisposable
{
    private readonly CloudModel _cloud = new();

    [Fact]
    public void ListenerQueries_FollowForwardsAndLoadBalancerState()
    {
        var group = _cloud.Group(TcpFromCidr(80, "0.0.0.0/0"));
        var tg = _cloud.TargetGroup();
        var other = _cloud.TargetGroup();
        var active = _cloud.LoadBalancer(group);
        var provisioning = _cloud.LoadBalancer(group, LoadBalancerState.Provisioning);
        var a80 = _cloud.Listener(active, 80, (tg, 1));
        var a81 = _cloud.Listener(active, 81, (tg, 1), (other, 1));
        var p80 = _cloud.Listener(provisioning, 80, (other, 1));
        var state = _cloud.State;

        Assert.Equal([a80.Arn, a81.Arn], state.ListenersForwardingTo(tg.Arn).Select(l => l.Arn).Order());
        Assert.Equal([a80.Arn, a81.Arn], state.ActiveListeners().Select(l => l.Arn).Order());
        Assert.Same(active, state.ActiveLoadBalancerOf(a80));
        Assert.Null(state.ActiveLoadBalancerOf(p80));
        Assert.Same(a81, state.ListenerAt(active.Arn, 81));
        Assert.Null(state.ListenerAt(active.Arn, 82));
        Assert.Equal([active.Arn], state.LoadBalancerArnsForwardingTo(tg.Arn));
        Assert.Equal([active.Arn, provisioning.Arn], state.LoadBalancerArnsForwardingTo(other.Arn).Order());
        Assert.Equal([tg.Arn, other.Arn], state.TargetGroupArnsOf(active.Arn).OrderBy(a => a == other.Arn));
        Assert.Same(active, state.LoadBalancerByDnsName(active.DnsName + "."));
    }

    [Fact]
    public void SecurityGroupQueries_ByIdNameAndDefault()
    {
        var web = _cloud.Group();
        var state = _cloud.State;

        Assert.Equal([web], state.SecurityGroupsOf([web.Id, "sg-unknown"]));
        Assert.Same(web, state.SecurityGroupNamed(web.Name, state.DefaultVpc.Id));
        Assert.Null(state.SecurityGroupNamed(web.Name, "vpc-other"));
        Assert.Equal("default", state.DefaultSecurityGroupOf(state.DefaultVpc.Id).Name);
    }

    public void Dispose() => _cloud.Dispose();
}
