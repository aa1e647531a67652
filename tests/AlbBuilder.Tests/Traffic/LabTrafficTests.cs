using AlbBuilder.Provisioning;
using AlbBuilder.Building;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Tests.Waiters;
using AlbBuilder.Traffic;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AlbBuilder.Tests.Traffic;

public sealed class LabTrafficTests
{
    private const string TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/demo-tg/0123456789abcdef";

    private readonly IAmazonEC2 _ec2 = Substitute.For<IAmazonEC2>();
    private readonly IAmazonElasticLoadBalancingV2 _elb = Substitute.For<IAmazonElasticLoadBalancingV2>();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task VerifyAsync_LabWithoutLoadBalancer_ThrowsInvalidOperation()
    {
        var lab = Lab(url: null);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => LabTraffic.VerifyAsync(lab, Services(), null, CancellationToken.None));

        Assert.Contains("StartAsync", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteAsync_UnsetOptions_TakesLabHandlerClockAndRunningInstancesAsBackends()
    {
        using var handler = FakeBackendHandler.RoundRobin("a");
        var lab = Lab(new Uri("http://demo-alb.example/"));
        lab.GetStatusAsync(Arg.Any<CancellationToken>()).Returns(Status(("i-1", "running", "ip-10-0-0-1.ec2.internal"), ("i-2", "stopped", "ip-10-0-0-2.ec2.internal")));

        var options = await LabTraffic.CompleteAsync(lab, Services(handler), new TrafficOptions(), CancellationToken.None);

        Assert.Same(handler, options.Handler);
        Assert.Same(_time, options.TimeProvider);
        Assert.Equal(["ip-10-0-0-1.ec2.internal"], options.ExpectedBackends);
    }

    [Fact]
    public async Task CompleteAsync_CallerChoices_AreKept()
    {
        using var mine = FakeBackendHandler.RoundRobin("a");
        using var labs = FakeBackendHandler.RoundRobin("b");
        var clock = new FakeTimeProvider();
        var lab = Lab(new Uri("http://demo-alb.example/"));
        var given = new TrafficOptions { Handler = mine, TimeProvider = clock, ExpectedBackends = ["x"] };

        var options = await LabTraffic.CompleteAsync(lab, Services(labs), given, CancellationToken.None);

        Assert.Same(mine, options.Handler);
        Assert.Same(clock, options.TimeProvider);
        Assert.Equal(["x"], options.ExpectedBackends);
        await lab.DidNotReceive().GetStatusAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task CompleteAsync_ExplicitSystemClock_IsKept_NotMistakenForUnset()
    {
        var lab = Lab(new Uri("http://demo-alb.example/"));
        var given = new TrafficOptions { TimeProvider = TimeProvider.System, ExpectedBackends = ["x"] };

        var options = await LabTraffic.CompleteAsync(lab, Services(), given, CancellationToken.None);

        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    [Fact]
    public async Task VerifyAsync_ThroughLabHandler_CountsEachInstance()
    {
        using var handler = FakeBackendHandler.RoundRobin("ip-10-0-0-1.ec2.internal", "ip-10-0-0-2.ec2.internal");
        var lab = Lab(new Uri("http://demo-alb.example/"));
        lab.GetStatusAsync(Arg.Any<CancellationToken>()).Returns(Status(("i-1", "running", "ip-10-0-0-1.ec2.internal"), ("i-2", "running", "ip-10-0-0-2.ec2.internal")));

        var report = await LabTraffic.VerifyAsync(lab, Services(handler), new TrafficOptions { Requests = 10, MaxConcurrency = 1 }, CancellationToken.None);

        Assert.Equal(10, report.Succeeded);
        Assert.True(report.IsBalanced);
        Assert.Equal(2, report.DistinctBackends);
        Assert.All(handler.RequestUris, u => Assert.Equal("demo-alb.example", u.Host));
    }

    [Fact]
    public async Task WaitTargetsHealthyAsync_TargetStillUnusedRightAfterStart_KeepsWaitingUntilHealthy()
    {
        var lab = Lab(new Uri("http://demo-alb.example/"));
        _ec2.DescribeInstancesAsync(Arg.Any<DescribeInstancesRequest>(), Arg.Any<CancellationToken>())
            .Returns(new DescribeInstancesResponse { Reservations = [new Reservation { Instances = [Instance("i-1"), Instance("i-2")] }] });
        _elb.DescribeTargetHealthAsync(Arg.Any<DescribeTargetHealthRequest>(), Arg.Any<CancellationToken>())
            .Returns(
                Health(("i-1", "unused", "Target.InvalidState"), ("i-2", "healthy", null)),
                Health(("i-1", "initial", "Elb.InitialHealthChecking"), ("i-2", "healthy", null)),
                Health(("i-1", "healthy", null), ("i-2", "healthy", null)));
        var subject = new LabDrillSubject(lab, new LabContext(Definition(), Services()), _time);

        var wait = subject.WaitTargetsHealthyAsync(CancellationToken.None);
        for (var i = 0; i < 1_000 && !wait.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await WaiterClock.SettleAsync();
        }

        Assert.True(wait.IsCompleted, "The wait did not finish.");
        await wait;
        await _elb.Received(3).DescribeTargetHealthAsync(
            Arg.Is<DescribeTargetHealthRequest>(r => r.TargetGroupArn == TargetGroupArn && r.Targets!.Count == 2 && r.Targets.All(t => t.Port == 80)),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task WaitTargetsHealthyAsync_TargetStaysUnused_FailsAtTheDeadline()
    {
        var lab = Lab(new Uri("http://demo-alb.example/"));
        _ec2.DescribeInstancesAsync(Arg.Any<DescribeInstancesRequest>(), Arg.Any<CancellationToken>())
            .Returns(new DescribeInstancesResponse { Reservations = [new Reservation { Instances = [Instance("i-1"), Instance("i-2")] }] });
        _elb.DescribeTargetHealthAsync(Arg.Any<DescribeTargetHealthRequest>(), Arg.Any<CancellationToken>())
            .Returns(Health(("i-1", "unused", "Target.InvalidState"), ("i-2", "healthy", null)));
        var definition = Definition() with { Timeouts = LabTimeouts.Default with { TargetsHealthy = TimeSpan.FromSeconds(10) } };
        var subject = new LabDrillSubject(lab, new LabContext(definition, Services()), _time);

        var wait = subject.WaitTargetsHealthyAsync(CancellationToken.None);
        for (var i = 0; i < 1_000 && !wait.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await WaiterClock.SettleAsync();
        }

        Assert.True(wait.IsCompleted, "The wait did not finish.");
        var ex = await Assert.ThrowsAsync<AlbBuilder.Waiters.WaiterFailedException>(() => wait);
        Assert.StartsWith("unused", ex.FailedState, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopAndStartInstance_SendOneRequestForThatInstance()
    {
        var subject = new LabDrillSubject(Lab(new Uri("http://demo-alb.example/")), new LabContext(Definition(), Services()), _time);

        await subject.StopInstanceAsync("i-2", CancellationToken.None);
        await subject.StartInstanceAsync("i-2", CancellationToken.None);

        await _ec2.Received(1).StopInstancesAsync(Arg.Is<StopInstancesRequest>(r => r.InstanceIds!.SequenceEqual(new[] { "i-2" })), Arg.Any<CancellationToken>());
        await _ec2.Received(1).StartInstancesAsync(Arg.Is<StartInstancesRequest>(r => r.InstanceIds!.SequenceEqual(new[] { "i-2" })), Arg.Any<CancellationToken>());
    }

    private IAlbLab Lab(Uri? url)
    {
        var lab = Substitute.For<IAlbLab>();
        lab.Name.Returns("demo");
        lab.Url.Returns(url);
        lab.Resources.Returns(new LabResources(null, null, [], null, null, ["i-1", "i-2"], TargetGroupArn, null, null, null));
        return lab;
    }

    private LabServices Services(HttpMessageHandler? handler = null) =>
        new(() => _ec2, () => _elb, ownsClients: false, _time, trafficHandler: handler);

    private static AlbLabDefinition Definition() =>
        AlbLab.Create("demo").WithPolling(TimeSpan.FromSeconds(1)).BuildDefinition();

    private static LabStatus Status(params (string Id, string State, string Dns)[] instances) =>
        new(DateTimeOffset.UnixEpoch, "active", "demo-alb.example",
            instances.Select(i => new InstanceStatus(i.Id, null, i.State, i.Dns, null, "us-east-1a", null, null, null)).ToArray());

    private static Amazon.EC2.Model.Instance Instance(string id) =>
        new() { InstanceId = id, State = new InstanceState { Name = InstanceStateName.Running, Code = 16 } };

    private static DescribeTargetHealthResponse Health(params (string Id, string State, string? Reason)[] targets) => new()
    {
        TargetHealthDescriptions = targets.Select(t => new TargetHealthDescription
        {
            Target = new TargetDescription { Id = t.Id, Port = 80 },
            TargetHealth = new TargetHealth { State = TargetHealthStateEnum.FindValue(t.State), Reason = t.Reason is null ? null : TargetHealthReasonEnum.FindValue(t.Reason) },
        }).ToList(),
    };
}
