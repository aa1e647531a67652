using System.Net;
using System.Net.Sockets;
using AlbBuilder.LocalCloud.DataPlane;
using Microsoft.Extensions.Time.Testing;

namespace AlbBuilder.LocalCloud.Tests.DataPlane;

/// <summary>The real probe over real loopback sockets (and the checker with it, end to end, in two tests).</summary>
public sealed class HttpHealthProbeTests : IDisposable
{
    private static readonly TargetKey A = new("i-0aaaaaaaaaaaaaaaa", 80);
    private readonly HttpHealthProbe _probe = new();

    [Fact]
    public async Task Probe_SendsPrivateIpAsHost_ElbUserAgent_AndPath()
    {
        await using var server = await RecordingServer.StartAsync();

        var result = await _probe.ProbeAsync(Request(TargetEndpoint.Reachable(server.Port, "10.0.1.23"), path: "/health"), CancellationToken.None);

        Assert.Equal(HealthProbeResult.Pass, result);
        var request = Assert.Single(server.Requests);
        Assert.Equal("10.0.1.23", request.Host);
        Assert.Equal("ELB-HealthChecker/2.0", request.UserAgent);
        Assert.Equal("/health", request.Path);
    }

    [Theory]
    [InlineData("200-299", 202, true)]
    [InlineData("200,202", 202, true)]
    [InlineData("200", 202, false)]
    [InlineData("200", 404, false)]
    public async Task Probe_UsesTheMatcher(string matcher, int status, bool passes)
    {
        await using var server = await RecordingServer.StartAsync(status);

        var result = await _probe.ProbeAsync(Request(TargetEndpoint.Reachable(server.Port, "10.0.1.12"), matcher: matcher), CancellationToken.None);

        Assert.Equal(passes ? HealthProbeResult.Pass : HealthProbeResult.Mismatch(status), result);
    }

    [Fact]
    public async Task Probe_RefusedConnection_IsFailedHealthChecks()
    {
        var result = await _probe.ProbeAsync(Request(TargetEndpoint.Reachable(PortProbe.FreePort(), "10.0.1.15")), CancellationToken.None);

        Assert.Equal(HealthProbeResult.ConnectionFailed, result);
        Assert.Equal(TargetHealthReasons.FailedHealthChecks, result.Reason);
    }

    [Fact]
    public async Task Probe_SilentServer_TimesOutAfterTheTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts (the kernel completes the handshake) and never answers
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;

        var result = await _probe.ProbeAsync(Request(TargetEndpoint.Reachable(port, "10.0.1.30"), timeout: TimeSpan.FromMilliseconds(300)), CancellationToken.None);

        Assert.Equal(HealthProbeResult.TimedOut, result);
        Assert.Equal("Request timed out", result.Description);
    }

    [Fact]
    public async Task Probe_BlockedTarget_WaitsOutTheTimeout_ThenTimedOut()
    {
        var time = new FakeTimeProvider();
        using var probe = new HttpHealthProbe(time);

        var check = probe.ProbeAsync(Request(TargetEndpoint.Blocked("10.0.1.16"), timeout: TimeSpan.FromSeconds(5)), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(check.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal(HealthProbeResult.TimedOut, await check.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Checker_WithTheRealProbe_ServingTargetIsHealthy_ChecksAreNotCountedAsRequests()
    {
        await using var server = await InstanceWebServer.StartAsync("ip-10-0-1-10.ec2.internal");
        await using var checker = new TargetHealthChecker(
            Settings(TimeSpan.FromMilliseconds(50)), _ => TargetEndpoint.Reachable(server.Port, "10.0.1.10"), _probe);

        checker.Register(A);
        await HealthWait.UntilStateAsync(checker, A, TargetHealthState.Healthy);

        Assert.InRange(server.HealthCheckCount, 1, long.MaxValue);
        Assert.Equal(0, server.RequestCount);
        Assert.Equal([new RoutableTarget(A, server.Port)], checker.Pool.RoutableTargets.ToArray());
    }

    [Fact]
    public async Task Checker_WithTheRealProbe_DeadHttpdIsUnhealthyFailedHealthChecks()
    {
        var server = await InstanceWebServer.StartAsync("ip-10-0-1-15.ec2.internal");
        var port = server.Port;
        await server.DisposeAsync(); // httpd died, the instance still runs
        await using var checker = new TargetHealthChecker(
            Settings(TimeSpan.FromMilliseconds(50)), _ => TargetEndpoint.Reachable(port, "10.0.1.15"), _probe);

        checker.Register(A);
        await HealthWait.UntilStateAsync(checker, A, TargetHealthState.Unhealthy);

        Assert.Equal(TargetHealthReasons.FailedHealthChecks, checker.GetHealth(A).Reason);
    }

    public void Dispose() => _probe.Dispose();

    private static TargetHealthCheckSettings Settings(TimeSpan interval, string path = "/", string matcher = "200", TimeSpan? timeout = null) =>
        new(path, interval, timeout ?? TimeSpan.FromSeconds(2), 3, 2, matcher);

    private static HealthProbeRequest Request(TargetEndpoint endpoint, string path = "/", string matcher = "200", TimeSpan? timeout = null)
    {
        var settings = Settings(TimeSpan.FromSeconds(30), path, matcher, timeout);
        return new HealthProbeRequest(A, endpoint, settings, settings.Validate());
    }
}
