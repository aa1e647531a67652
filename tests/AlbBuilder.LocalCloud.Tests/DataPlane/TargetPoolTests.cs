using AlbBuilder.LocalCloud.DataPlane;

namespace AlbBuilder.LocalCloud.Tests.DataPlane;

public sealed class TargetPoolTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TargetKey A = new("i-0aaaaaaaaaaaaaaaa", 80);
    private static readonly TargetKey B = new("i-0bbbbbbbbbbbbbbbb", 80);
    private static readonly TargetKey C = new("i-0cccccccccccccccc", 80);

    [Fact]
    public void Update_HealthyOnly_WhenOneIsHealthy_OrderedByInstanceId()
    {
        var pool = new TargetPool();

        Assert.True(pool.Update([Healthy(B, 2), Initial(A, 1), Healthy(C, 3)]));

        Assert.Equal([new RoutableTarget(B, 2), new RoutableTarget(C, 3)], pool.RoutableTargets.ToArray());
        Assert.False(pool.Update([Healthy(C, 3), Healthy(B, 2)]), "same set, no change");
    }

    [Fact]
    public void Update_NoneHealthy_FailsOpenOverCheckedRunningTargets_NeverUnusedOrDraining()
    {
        var stopped = Initial(B, 2);
        stopped.LastEndpoint = TargetEndpoint.NotRunning();
        stopped.MarkNotRunning("stopped", T0);
        var draining = Initial(C, 3);
        draining.MarkDraining(T0);
        var pool = new TargetPool();

        pool.Update([Initial(A, 1), stopped, draining]);

        Assert.Equal([new RoutableTarget(A, 1)], pool.RoutableTargets.ToArray());
    }

    [Fact]
    public void NextRoute_RoundRobin_503WhenEmpty_504ForABlockedTarget()
    {
        var pool = new TargetPool();
        Assert.Same(RouteDecision.NoTargets, pool.NextRoute());

        var blocked = new TargetHealthRecord(C, T0) { LastEndpoint = TargetEndpoint.Blocked("10.0.1.3") };
        pool.Update([Healthy(A, 1), Healthy(B, 2)]);
        var ports = Enumerable.Range(0, 6).Select(_ => pool.NextRoute().Destination!.Port).ToArray();
        pool.Update([blocked]);

        Assert.Equal([1, 2], ports.Distinct().Order());
        Assert.All(ports.Zip(ports.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.Equal(504, pool.NextRoute().StatusCode);
    }

    private static TargetHealthRecord Initial(TargetKey key, int port) =>
        new(key, T0) { LastEndpoint = TargetEndpoint.Reachable(port, "10.0.1.1") };

    private static TargetHealthRecord Healthy(TargetKey key, int port)
    {
        var record = Initial(key, port);
        record.Apply(HealthProbeResult.Pass, 3, 2, T0);
        return record;
    }
}
