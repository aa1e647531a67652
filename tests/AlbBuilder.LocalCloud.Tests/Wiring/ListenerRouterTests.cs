using AlbBuilder.LocalCloud.DataPlane;
using AlbBuilder.LocalCloud.Wiring;
using static AlbBuilder.LocalCloud.Tests.Wiring.CloudModel;

namespace AlbBuilder.LocalCloud.Tests.Wiring;

public sealed class ListenerRouterTests : IDisposable
{
    private readonly CloudModel _cloud = new();

    [Theory]
    [InlineData(0, "a")]
    [InlineData(2, "a")]
    [InlineData(3, "b")]
    public void PickWeighted_SlotFallsInTheGroupsShare(int slot, string expected) =>
        Assert.Equal(expected, ListenerRouter.PickWeighted([("a", 3), ("b", 1)], slot));

    [Fact]
    public void Route_WeightedGroups_SplitRequestsByWeight()
    {
        var a = _cloud.TargetGroup();
        var b = _cloud.TargetGroup();
        var listener = _cloud.Listener(_cloud.LoadBalancer(_cloud.Group(TcpFromCidr(80, "0.0.0.0/0"))), 80, (a, 3), (b, 1));
        var router = new ListenerRouter(_cloud.State, arn => RouteDecision.Forward(arn == a.Arn ? 1001 : 1002));

        var ports = Enumerable.Range(0, 40).Select(_ => router.Route(listener.Arn).Destination!.Port).ToList();

        Assert.Equal(30, ports.Count(p => p == 1001));
        Assert.Equal(10, ports.Count(p => p == 1002));
    }

    [Fact]
    public void Route_SingleGroup_AsksThatGroup_ZeroWeight_Answers503()
    {
        var a = _cloud.TargetGroup();
        var lb = _cloud.LoadBalancer(_cloud.Group(TcpFromCidr(80, "0.0.0.0/0"), TcpFromCidr(8080, "0.0.0.0/0")));
        var single = _cloud.Listener(lb, 80, (a, 1));
        var zero = _cloud.Listener(lb, 8080, (a, 0));
        var asked = new List<string>();
        var router = new ListenerRouter(_cloud.State, arn =>
        {
            asked.Add(arn);
            return RouteDecision.Forward(1001);
        });

        Assert.Equal(RouteAction.Forward, router.Route(single.Arn).Action);
        Assert.Equal(503, router.Route(zero.Arn).StatusCode);
        Assert.Equal([a.Arn], asked);
    }

    [Fact]
    public void Route_ListenerGone_LoadBalancerDeleting_OrClientNotAdmitted_Rejects()
    {
        var admitted = _cloud.LoadBalancer(_cloud.Group(TcpFromCidr(80, "0.0.0.0/0")));
        var deleting = _cloud.Listener(admitted, 80, (_cloud.TargetGroup(), 1));
        admitted.Deleting = true;
        var closed = _cloud.Listener(_cloud.LoadBalancer(_cloud.Group(TcpFromCidr(443, "0.0.0.0/0"))), 80, (_cloud.TargetGroup(), 1));
        var router = new ListenerRouter(_cloud.State, _ => RouteDecision.Forward(1001));

        Assert.Same(RouteDecision.Reject, router.Route("arn:gone"));
        Assert.Same(RouteDecision.Reject, router.Route(deleting.Arn));
        Assert.Same(RouteDecision.Reject, router.Route(closed.Arn));
    }

    public void Dispose() => _cloud.Dispose();
}
