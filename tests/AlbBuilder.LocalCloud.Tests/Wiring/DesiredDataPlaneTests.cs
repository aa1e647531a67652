using AlbBuilder.LocalCloud.DataPlane;
using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.Elbv2;
using AlbBuilder.LocalCloud.Wiring;
using static AlbBuilder.LocalCloud.Tests.Wiring.CloudModel;

namespace AlbBuilder.LocalCloud.Tests.Wiring;

public sealed class DesiredDataPlaneTests : IDisposable
{
    private readonly CloudModel _cloud = new();

    [Fact]
    public void From_OnlyActiveListenersServe_AndMakeTheirGroupsInUse()
    {
        var group = _cloud.Group(TcpFromCidr(80, "0.0.0.0/0"));
        var used = _cloud.TargetGroup();
        var waiting = _cloud.TargetGroup();
        var active = _cloud.Listener(_cloud.LoadBalancer(group), 80, (used, 1));
        _cloud.Listener(_cloud.LoadBalancer(group, LoadBalancerState.Provisioning), 80, (waiting, 1));
        var deleting = _cloud.LoadBalancer(group);
        _cloud.Listener(deleting, 8080, (waiting, 1));
        deleting.Deleting = true;

        var desired = DesiredDataPlane.From(_cloud.State);

        Assert.Equal([active.Arn], desired.Listeners.Keys);
        Assert.Equal(80, desired.Listeners[active.Arn]);
        Assert.True(desired.TargetGroups[used.Arn].InUse);
        Assert.False(desired.TargetGroups[waiting.Arn].InUse);
    }

    [Fact]
    public void From_ServesBootedInstances_AndLeavesDrainingTargetsOut()
    {
        var ready = _cloud.Instance(_cloud.Group());
        ready.WebServerReady = true;
        ready.WebServerPort = 41000;
        var booting = _cloud.Instance(_cloud.Group());
        var stopped = _cloud.Instance(_cloud.Group(), InstanceState.Stopped);
        stopped.WebServerReady = true;
        var targetGroup = _cloud.TargetGroup(ready, booting);
        targetGroup.Targets[new TargetKey(booting.Id, 80)].Draining = true;

        var desired = DesiredDataPlane.From(_cloud.State);

        Assert.Equal([ready.Id], desired.ServingInstances.Keys);
        Assert.Equal((ready.PrivateDnsName, (int?)41000, ready.PublicIp), desired.ServingInstances[ready.Id]);
        Assert.Equal([new TargetKey(ready.Id, 80)], desired.TargetGroups[targetGroup.Arn].Targets);
    }

    [Fact]
    public void Scale_UsesTheProfile_AndFloorsTheTimeoutAt500Ms()
    {
        var check = new TargetGroupHealthCheck("HTTP", "traffic-port", true, "/health", 30, 5, 3, 2, "200-299");

        var instant = DesiredDataPlane.Scale(check, LatencyProfile.Instant);
        var realistic = DesiredDataPlane.Scale(check, LatencyProfile.Realistic());

        Assert.Equal(new TargetHealthCheckSettings("/health", TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(500), 3, 2, "200-299"), instant);
        Assert.Equal(TimeSpan.FromSeconds(30), realistic.Interval);
        Assert.Equal(TimeSpan.FromSeconds(5), realistic.Timeout);
    }

    public void Dispose() => _cloud.Dispose();
}
