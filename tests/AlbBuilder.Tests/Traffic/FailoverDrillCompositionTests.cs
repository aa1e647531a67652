using AlbBuilder.Traffic;
using Microsoft.Extensions.Time.Testing;

namespace AlbBuilder.Tests.Traffic;

/// <summary>The drill driving the real traffic probe against an in-memory lab whose load balancer round-robins over running instances.</summary>
public sealed class FailoverDrillCompositionTests
{
    [Fact]
    public async Task RunAsync_InMemoryLab_SurvivorTakesAllTrafficThenBothServe()
    {
        var lab = new InMemoryLab(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));

        var report = await FailoverDrill.RunAsync(lab, new DrillOptions { TimeProvider = lab.Time, Requests = 12 });

        Assert.True(report.Succeeded, report.Summary);
        Assert.Equal(12, report.SurvivorTraffic!.CountFor("ip-10-0-2-22.us-east-1.compute.internal"));
        Assert.Equal(0, report.SurvivorTraffic.CountFor("ip-10-0-1-11.us-east-1.compute.internal"));
        Assert.True(report.RestoredTraffic!.IsBalanced, report.RestoredTraffic.ToString());
        Assert.Equal("running", lab.State["i-1"]);
    }

    [Fact]
    public async Task RunAsync_LoadBalancerKeepsRoutingToStoppedInstance_DrillFailsAndInstanceIsRunningAfterwards()
    {
        var lab = new InMemoryLab(new FakeTimeProvider()) { IgnoresStops = true };

        var report = await FailoverDrill.RunAsync(lab, new DrillOptions { TimeProvider = lab.Time, Requests = 12, TransitionWindow = TimeSpan.Zero });

        Assert.False(report.OnlySurvivorServed);
        Assert.Equal(6, report.StoppedServedAfterWindow);
        Assert.Equal(DrillStep.VerifySurvivors, report.FailedStep);
        Assert.Equal("running", lab.State["i-1"]);
    }

    private sealed class InMemoryLab : IDrillSubject
    {
        private static readonly Uri _url = new("http://demo-alb-1.us-east-1.elb.amazonaws.com/");
        private readonly Dictionary<string, string> _hosts = new()
        {
            ["i-1"] = "ip-10-0-1-11.us-east-1.compute.internal",
            ["i-2"] = "ip-10-0-2-22.us-east-1.compute.internal",
        };

        private int _next;

        public InMemoryLab(FakeTimeProvider time) => Time = time;

        public FakeTimeProvider Time { get; }

        public Dictionary<string, string> State { get; } = new() { ["i-1"] = "running", ["i-2"] = "running" };

        /// <summary>A broken load balancer that keeps sending to every instance.</summary>
        public bool IgnoresStops { get; init; }

        public Task<LabStatus> GetStatusAsync(CancellationToken cancellationToken) => Task.FromResult(new LabStatus(
            Time.GetUtcNow(),
            "active",
            _url.Host,
            [.. State.Keys.Order().Select((id, i) => new InstanceStatus(
                id, $"demo-{i + 1}", State[id], _hosts[id].Replace("us-east-1.compute", "ec2", StringComparison.Ordinal), null, null,
                State[id] == "running" ? "healthy" : "unused", null, null))]));

        public Task StopInstanceAsync(string instanceId, CancellationToken cancellationToken)
        {
            State[instanceId] = "stopped";
            return Task.CompletedTask;
        }

        public Task WaitInstanceStoppedAsync(string instanceId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartInstanceAsync(string instanceId, CancellationToken cancellationToken)
        {
            State[instanceId] = "running";
            return Task.CompletedTask;
        }

        public Task WaitTargetUnusedAsync(string instanceId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task WaitTargetUnhealthyAsync(string instanceId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task WaitTargetsHealthyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<TrafficReport> VerifyTrafficAsync(int requests, CancellationToken cancellationToken)
        {
            var handler = new FakeBackendHandler((_, _, _) =>
            {
                var serving = State.Keys.Order().Where(id => IgnoresStops || State[id] == "running").ToArray();
                var id = serving[Interlocked.Increment(ref _next) % serving.Length];
                return Task.FromResult(FakeBackendHandler.Page(_hosts[id]));
            });
            return TrafficVerifier.VerifyAsync(_url, new TrafficOptions { Handler = handler, Requests = requests, MaxConcurrency = 1, TimeProvider = Time }, cancellationToken);
        }
    }
}
