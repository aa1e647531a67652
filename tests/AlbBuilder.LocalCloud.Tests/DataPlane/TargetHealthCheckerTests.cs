using AlbBuilder.LocalCloud.DataPlane;
using Microsoft.Extensions.Time.Testing;

namespace AlbBuilder.LocalCloud.Tests.DataPlane;

/// <summary>Real HTTP checks against loopback servers with a 50 ms interval; assertions wait on state events, never on time.</summary>
public sealed class TargetHealthCheckerTests
{
    private const int HealthyThreshold = 3;
    private const int UnhealthyThreshold = 2;
    private static readonly TargetKey A = new("i-0aaaaaaaaaaaaaaaa", 80);
    private static readonly TargetKey B = new("i-0bbbbbbbbbbbbbbbb", 80);

    private readonly TargetRegistry _registry = new();

    [Fact]
    public async Task Register_ServingTarget_IsInitialThenHealthyAfterOnePass()
    {
        await using var server = await InstanceWebServer.StartAsync("ip-10-0-1-10.ec2.internal");
        _registry.Set(A, TargetEndpoint.Reachable(server.Port, "10.0.1.10"));
        await using var checker = NewChecker();

        Assert.True(checker.Register(A));
        var initial = checker.GetHealth(A);
        Assert.Equal(TargetHealthState.Initial, initial.State);
        Assert.Contains(initial.Reason, new[] { TargetHealthReasons.RegistrationInProgress, TargetHealthReasons.InitialHealthChecking });

        await HealthWait.UntilStateAsync(checker, A, TargetHealthState.Healthy);

        Assert.Null(checker.GetHealth(A).Reason);
        Assert.InRange(server.HealthCheckCount, 1, long.MaxValue);
        Assert.Equal(0, server.RequestCount);
        Assert.Equal([new RoutableTarget(A, server.Port)], checker.RoutableTargets.ToArray());
        Assert.False(checker.Register(A), "registering twice is a no-op");
    }

    [Fact]
    public async Task Check_SendsPrivateIpAsHost_ElbUserAgent_AndPath()
    {
        await using var server = await RecordingServer.StartAsync();
        _registry.Set(A, TargetEndpoint.Reachable(server.Port, "10.0.1.23"));
        await using var checker = NewChecker(Settings(path: "/health"));

        checker.Register(A);
        await HealthWait.UntilStateAsync(checker, A, TargetHealthState.Healthy);

        Assert.True(server.Requests.TryPeek(out var request));
        Assert.Equal("10.0.1.23", request.Host);
        Assert.Equal("ELB-HealthChecker/2.0", request.UserAgent);
        Assert.Equal("/health", request.Path);
    }

    [Fact]
    public async Task Check_404FromMissingPath_IsUnhealthyResponseCodeMismatchAfterThreshold()
    {
        await using var server = await InstanceWebServer.StartAsync("ip-10-0-1-11.ec2.internal");
        _registry.Set(A, TargetEndpoint.Reachable(server.Port, "10.0.1.11"));
        await using var checker = NewChecker(Settings(path: "/health"));

        checker.Register(A);
        await HealthWait.UntilStateAsync(checker, A, TargetHealthState.Unhealthy);

        var health = checker.GetHealth(A);
        Assert.Equal(TargetHealthReasons.ResponseCodeMismatch, health.Reason);
        Assert.Equal("Health checks failed with these codes: [404]", health.Description);
        Assert.InRange(server.HealthCheckCount, UnhealthyThreshold, long.MaxValue);
    }

    [Theory]
    [InlineData("200-299", 202, true)]
    [InlineData("200,202", 202, true)]
    [InlineData("200", 202, false)]
    public async Task Check_UsesMatcher(string matcher, int status, bool expectHealthy)
    {
        await using var server = await RecordingServer.StartAsync(status);
        _registry.Set(A, TargetEndpoint.Reachable(server.Port, "10.0.1.12"));
        await using var checker = NewChecker(Settings(matcher: matcher));

        checker.Register(A);
        await HealthWait.UntilAsync(checker, c => c.GetHealth(A).State is TargetHealthState.Healthy or TargetHealthState.Unhealthy, "A is decided");

        Assert.Equal(expectHealthy ? TargetHealthState.Healthy : TargetHealthState.Unhealthy, checker.GetHealth(A).State);
    }

    [Fact]
    public async Task Unhealthy_ReturnsToHealthyOnlyAfterHealthyThresholdPasses()
    {
        await using var server = await RecordingServer.StartAsync(500);
        _registry.Set(A, TargetEndpoint.Reachable(server.Port, "10.0.1.13"));
        await using var checker = NewChecker();
        var passesWhenHealthy = -1;
        checker.HealthChanged += (_, _) =>
        {
            if (checker.GetHealth(A).State == TargetHealthState.Healthy)
            {
                Interlocked.CompareExchange(ref passesWhenHealthy, server.Answered(200), -1);
            }
        };

        checker.Register(A);
        await HealthWait.UntilStateAsync(checker, A, TargetHealthState.Unhealthy);
        Assert.Equal("Health checks failed with these codes: [500]", checker.GetHealth(A).Description);

        server.StatusCode = 200;
        await HealthWait.UntilStateAsync(checker, A, TargetHealthState.Healthy);

        Assert.InRange(Volatile.Read(ref passesWhenHealthy), HealthyThreshold, int.MaxValue);
    }

    [Fact]
    public async Task StoppedInstance_IsUnusedInvalidStateAtOnce_AndRunsAgainAfterRestart()
    {
        var server = await InstanceWebServer.StartAsync("ip-10-0-1-14.ec2.internal");
        var port = server.Port;
        _registry.Set(A, TargetEndpoint.Reachable(port, "10.0.1.14"));
        await using var checker = NewChecker();
        checker.Register(A);
        await HealthWait.UntilStateAsync(checker, A, TargetHealthState.Healthy);

        // The control plane's stop: mark not running, re-evaluate, then stop the server.
        _registry.Set(A, TargetEndpoint.NotRunning("stopped"));
        checker.Reevaluate();
        await server.DisposeAsync();

        var stopped = checker.GetHealth(A);
        Assert.Equal(TargetHealthState.Unused, stopped.State);
        Assert.Equal(TargetHealthReasons.InvalidState, stopped.Reason);
        Assert.Equal("Target is in the stopped state", stopped.Description);
        Assert.Empty(checker.RoutableTargets.ToArray());

        await using var restarted = await InstanceWebServer.StartAsync("ip-10-0-1-14.ec2.internal", port);
        _registry.Set(A, TargetEndpoint.Reachable(port, "10.0.1.14"));
        checker.Reevaluate();

        var again = checker.GetHealth(A);
        Assert.Equal(TargetHealthState.Initial, again.State);
        Assert.Equal(TargetHealthReasons.InitialHealthChecking, again.Reason);
        await HealthWait.UntilStateAsync(checker, A, TargetHealthState.Healthy);
    }

    [Fact]
    public async Task RefusedConnection_IsUnhealthyFailedHealthChecks()
    {
        var server = await InstanceWebServer.StartAsync("ip-10-0-1-15.ec2.internal");
        _registry.Set(A, TargetEndpoint.Reachable(server.Port, "10.0.1.15"));
        await server.DisposeAsync(); // httpd died, the instance still runs
        await using var checker = NewChecker();

        checker.Register(A);
        await HealthWait.UntilStateAsync(checker, A, TargetHealthState.Unhealthy);

        Assert.Equal(TargetHealthReasons.FailedHealthChecks, checker.GetHealth(A).Reason);
    }

    [Fact]
    public async Task SecurityGroupBlocksCheck_IsUnhealthyTargetTimeout()
    {
        _registry.Set(A, TargetEndpoint.Blocked("10.0.1.16"));
        await using var checker = NewChecker(Settings(timeout: TimeSpan.FromMilliseconds(30)));

        checker.Register(A);
        await HealthWait.UntilStateAsync(checker, A, TargetHealthState.Unhealthy);

        var health = checker.GetHealth(A);
        Assert.Equal(TargetHealthReasons.Timeout, health.Reason);
        Assert.Equal("Request timed out", health.Description);
    }

    [Fact]
    public async Task RoutableTargets_OnlyHealthy_ThenFailOpenWhenAllUnhealthy()
    {
        await using var serverA = await RecordingServer.StartAsync(200);
        await using var serverB = await RecordingServer.StartAsync(404);
        _registry.Set(A, TargetEndpoint.Reachable(serverA.Port, "10.0.1.17"));
        _registry.Set(B, TargetEndpoint.Reachable(serverB.Port, "10.0.1.18"));
        await using var checker = NewChecker();
        checker.Register(A);
        checker.Register(B);

        await HealthWait.UntilAsync(
            checker,
            c => c.GetHealth(A).State == TargetHealthState.Healthy && c.GetHealth(B).State == TargetHealthState.Unhealthy,
            "A healthy and B unhealthy");
        Assert.Equal([new RoutableTarget(A, serverA.Port)], checker.RoutableTargets.ToArray());

        serverA.StatusCode = 500;
        await HealthWait.UntilStateAsync(checker, A, TargetHealthState.Unhealthy);

        Assert.Equal([A, B], checker.RoutableTargets.Select(t => t.Key));
    }

    [Fact]
    public async Task FailOpen_NeverIncludesStoppedTargets()
    {
        await using var serverB = await RecordingServer.StartAsync(404);
        _registry.Set(A, TargetEndpoint.NotRunning("stopped"));
        _registry.Set(B, TargetEndpoint.Reachable(serverB.Port, "10.0.1.19"));
        await using var checker = NewChecker();
        checker.Register(A);
        checker.Register(B);

        await HealthWait.UntilStateAsync(checker, B, TargetHealthState.Unhealthy);

        Assert.Equal(TargetHealthState.Unused, checker.GetHealth(A).State);
        Assert.Equal([B], checker.RoutableTargets.Select(t => t.Key));
    }

    [Fact]
    public async Task Deregister_IsDrainingForTheDelay_ThenGone()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _registry.Set(A, TargetEndpoint.Reachable(PortProbe.FreePort(), "10.0.1.20"));
        await using var checker = NewChecker(Settings(interval: TimeSpan.FromSeconds(30)), time);
        checker.Register(A);
        Assert.Equal([A], checker.RoutableTargets.Select(t => t.Key)); // fail-open over the initial target

        Assert.True(checker.Deregister(A, TimeSpan.FromSeconds(300)));

        var draining = checker.GetHealth(A);
        Assert.Equal(TargetHealthState.Draining, draining.State);
        Assert.Equal(TargetHealthReasons.DeregistrationInProgress, draining.Reason);
        Assert.Empty(checker.RoutableTargets.ToArray());
        Assert.False(checker.Deregister(A, TimeSpan.FromSeconds(300)), "already draining");

        time.Advance(TimeSpan.FromSeconds(299));
        Assert.Equal(TargetHealthState.Draining, checker.GetHealth(A).State);

        time.Advance(TimeSpan.FromSeconds(1));
        await HealthWait.UntilAsync(checker, c => c.GetSnapshot().Count == 0, "A is gone");

        var gone = checker.GetHealth(A);
        Assert.Equal(TargetHealthState.Unused, gone.State);
        Assert.Equal(TargetHealthReasons.NotRegistered, gone.Reason);
    }

    [Fact]
    public async Task Deregister_ZeroDelay_RemovesAtOnce()
    {
        _registry.Set(A, TargetEndpoint.Reachable(PortProbe.FreePort(), "10.0.1.21"));
        await using var checker = NewChecker(Settings(interval: TimeSpan.FromSeconds(30)));
        checker.Register(A);

        Assert.True(checker.Deregister(A, TimeSpan.Zero));

        Assert.Empty(checker.GetSnapshot());
        Assert.Equal(TargetHealthReasons.NotRegistered, checker.GetHealth(A).Reason);
    }

    [Fact]
    public async Task Register_WhileDraining_StartsOverAsInitial()
    {
        _registry.Set(A, TargetEndpoint.Reachable(PortProbe.FreePort(), "10.0.1.22"));
        await using var checker = NewChecker(Settings(interval: TimeSpan.FromSeconds(30)));
        checker.Register(A);
        checker.Deregister(A, TimeSpan.FromSeconds(300));

        Assert.True(checker.Register(A));

        Assert.Equal(TargetHealthState.Initial, checker.GetHealth(A).State);
        Assert.Equal([A], checker.RoutableTargets.Select(t => t.Key));
    }

    [Fact]
    public async Task SetInUse_False_ShowsNotInUse_True_ChecksAgain()
    {
        await using var server = await InstanceWebServer.StartAsync("ip-10-0-1-25.ec2.internal");
        _registry.Set(A, TargetEndpoint.Reachable(server.Port, "10.0.1.25"));
        await using var checker = NewChecker(inUse: false);
        checker.Register(A);

        Assert.Equal(TargetHealthReasons.NotInUse, checker.GetHealth(A).Reason);
        Assert.Empty(checker.RoutableTargets.ToArray());

        checker.SetInUse(true);
        await HealthWait.UntilStateAsync(checker, A, TargetHealthState.Healthy);
    }

    [Fact]
    public async Task NextRoute_AlternatesOverHealthyTargets_503WhenNone()
    {
        await using var serverA = await RecordingServer.StartAsync();
        await using var serverB = await RecordingServer.StartAsync();
        _registry.Set(A, TargetEndpoint.Reachable(serverA.Port, "10.0.1.26"));
        _registry.Set(B, TargetEndpoint.Reachable(serverB.Port, "10.0.1.27"));
        await using var checker = NewChecker();
        Assert.Equal(503, checker.NextRoute().StatusCode);

        checker.Register(A);
        checker.Register(B);
        await HealthWait.UntilAsync(checker, c => c.RoutableTargets.Length == 2 && c.GetSnapshot().All(s => s.State == TargetHealthState.Healthy), "both healthy");

        var ports = Enumerable.Range(0, 10).Select(_ => checker.NextRoute()).Select(d => d.Destination!.Port).ToArray();
        Assert.Equal(new[] { serverA.Port, serverB.Port }.Order(), ports.Distinct().Order());
        Assert.All(ports.Zip(ports.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public async Task NextRoute_BlockedTarget_Answers504()
    {
        _registry.Set(A, TargetEndpoint.Blocked("10.0.1.28"));
        await using var checker = NewChecker(Settings(interval: TimeSpan.FromSeconds(30)));
        checker.Register(A);

        var decision = checker.NextRoute();

        Assert.Equal(RouteAction.Respond, decision.Action);
        Assert.Equal(504, decision.StatusCode);
    }

    [Fact]
    public async Task UpdateSettings_NewMatcher_AppliesToRunningChecks()
    {
        await using var server = await RecordingServer.StartAsync(404);
        _registry.Set(A, TargetEndpoint.Reachable(server.Port, "10.0.1.29"));
        await using var checker = NewChecker();
        checker.Register(A);
        await HealthWait.UntilStateAsync(checker, A, TargetHealthState.Unhealthy);

        checker.UpdateSettings(Settings(matcher: "200,404"));

        await HealthWait.UntilStateAsync(checker, A, TargetHealthState.Healthy);
        Assert.Equal("200,404", checker.Settings.Matcher);
    }

    [Fact]
    public async Task Reevaluate_TargetMovedToAnotherPort_RoutesToTheNewPort()
    {
        await using var first = await RecordingServer.StartAsync();
        await using var second = await RecordingServer.StartAsync();
        _registry.Set(A, TargetEndpoint.Reachable(first.Port, "10.0.1.31"));
        await using var checker = NewChecker();
        checker.Register(A);
        await HealthWait.UntilStateAsync(checker, A, TargetHealthState.Healthy);

        _registry.Set(A, TargetEndpoint.Reachable(second.Port, "10.0.1.31"));
        checker.Reevaluate();

        Assert.Equal([new RoutableTarget(A, second.Port)], checker.RoutableTargets.ToArray());
        Assert.Equal(second.Port, checker.NextRoute().Destination!.Port);
    }

    private static TargetHealthCheckSettings Settings(
        string path = "/", string matcher = "200", TimeSpan? interval = null, TimeSpan? timeout = null) =>
        new(path, interval ?? TimeSpan.FromMilliseconds(50), timeout ?? TimeSpan.FromSeconds(2), HealthyThreshold, UnhealthyThreshold, matcher);

    private TargetHealthChecker NewChecker(TargetHealthCheckSettings? settings = null, TimeProvider? time = null, bool inUse = true) =>
        new(settings ?? Settings(), _registry.Resolve, time, inUse: inUse);
}
