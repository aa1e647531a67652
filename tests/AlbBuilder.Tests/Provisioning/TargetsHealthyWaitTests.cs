using AlbBuilder.Building;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Provisioning;
using AlbBuilder.Tests.Waiters;
using AlbBuilder.Waiters;
using Amazon.EC2;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AlbBuilder.Tests.Provisioning;

/// <summary>
/// The one "targets healthy" wait (<see cref="LabTargetGroup.WaitHealthyAsync"/>) used by StartAsync, WaitForHealthyAsync
/// and the drill: <c>unused</c> is final, except right after an instance was started again (the drill).
/// </summary>
public sealed class TargetsHealthyWaitTests
{
    private const string TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/demo-tg/1";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);
    private readonly IAmazonElasticLoadBalancingV2 _elb = Substitute.For<IAmazonElasticLoadBalancingV2>();

    [Fact]
    public async Task WaitHealthyAsync_UnusedOutsideARestart_FailsAtOnce()
    {
        _elb.DescribeTargetHealthAsync(Arg.Any<DescribeTargetHealthRequest>(), Arg.Any<CancellationToken>())
            .Returns(Health(("i-1", "unused", "Target.InvalidState"), ("i-2", "healthy", null)));

        var wait = WaitAsync(afterInstanceStart: false, TimeSpan.FromMinutes(5));
        await AdvanceUntilDoneAsync(wait);

        var ex = await Assert.ThrowsAsync<WaiterFailedException>(() => wait);
        Assert.StartsWith("unused", ex.FailedState, StringComparison.Ordinal);
        await _elb.Received(1).DescribeTargetHealthAsync(Arg.Any<DescribeTargetHealthRequest>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task WaitHealthyAsync_UnusedRightAfterARestart_KeepsAskingUntilHealthy()
    {
        _elb.DescribeTargetHealthAsync(Arg.Any<DescribeTargetHealthRequest>(), Arg.Any<CancellationToken>())
            .Returns(
                Health(("i-1", "unused", "Target.InvalidState"), ("i-2", "healthy", null)),
                Health(("i-1", "initial", "Elb.InitialHealthChecking"), ("i-2", "healthy", null)),
                Health(("i-1", "healthy", null), ("i-2", "healthy", null)));

        var wait = WaitAsync(afterInstanceStart: true, TimeSpan.FromMinutes(5));
        await AdvanceUntilDoneAsync(wait);

        await wait;
        await _elb.Received(3).DescribeTargetHealthAsync(
            Arg.Is<DescribeTargetHealthRequest>(r => r.TargetGroupArn == TargetGroupArn && r.Targets!.Select(t => t.Id).SequenceEqual(new[] { "i-1", "i-2" }) && r.Targets!.All(t => t.Port == 80)),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task WaitHealthyAsync_StillUnusedAtTheDeadlineAfterARestart_Fails()
    {
        _elb.DescribeTargetHealthAsync(Arg.Any<DescribeTargetHealthRequest>(), Arg.Any<CancellationToken>())
            .Returns(Health(("i-1", "unused", "Target.InvalidState"), ("i-2", "healthy", null)));

        var wait = WaitAsync(afterInstanceStart: true, TimeSpan.FromSeconds(10));
        await AdvanceUntilDoneAsync(wait);

        var ex = await Assert.ThrowsAsync<WaiterFailedException>(() => wait);
        Assert.StartsWith("unused", ex.FailedState, StringComparison.Ordinal);
        Assert.True(_time.GetUtcNow() - DateTimeOffset.UnixEpoch >= TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitHealthyAsync_InitialThenHealthy_Completes()
    {
        _elb.DescribeTargetHealthAsync(Arg.Any<DescribeTargetHealthRequest>(), Arg.Any<CancellationToken>())
            .Returns(
                Health(("i-1", "initial", "Elb.InitialHealthChecking"), ("i-2", "initial", "Elb.InitialHealthChecking")),
                Health(("i-1", "healthy", null), ("i-2", "healthy", null)));

        var wait = WaitAsync(afterInstanceStart: false, TimeSpan.FromMinutes(5));
        await AdvanceUntilDoneAsync(wait);

        await wait;
        await _elb.Received(2).DescribeTargetHealthAsync(Arg.Any<DescribeTargetHealthRequest>(), Arg.Any<CancellationToken>());
    }

    private Task WaitAsync(bool afterInstanceStart, TimeSpan timeout)
    {
        var definition = AlbLab.Create("demo").WithPolling(TimeSpan.FromSeconds(1)).BuildDefinition();
        var services = new LabServices(() => Substitute.For<IAmazonEC2>(), () => _elb, ownsClients: false, _time);
        return LabTargetGroup.WaitHealthyAsync(new LabContext(definition, services), TargetGroupArn, ["i-1", "i-2"], timeout, null, afterInstanceStart, CancellationToken.None);
    }

    private async Task AdvanceUntilDoneAsync(Task wait)
    {
        for (var i = 0; i < 1_000 && !wait.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await WaiterClock.SettleAsync();
        }

        Assert.True(wait.IsCompleted, "The wait did not finish.");
    }

    private static DescribeTargetHealthResponse Health(params (string Id, string State, string? Reason)[] targets) => new()
    {
        TargetHealthDescriptions = targets.Select(t => new TargetHealthDescription
        {
            Target = new TargetDescription { Id = t.Id, Port = 80 },
            TargetHealth = new TargetHealth { State = TargetHealthStateEnum.FindValue(t.State), Reason = t.Reason is null ? null : TargetHealthReasonEnum.FindValue(t.Reason) },
        }).ToList(),
    };
}
