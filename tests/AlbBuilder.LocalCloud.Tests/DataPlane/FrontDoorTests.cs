using System.Net;
using AlbBuilder.LocalCloud.DataPlane;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace AlbBuilder.LocalCloud.Tests.DataPlane;

/// <summary>Real traffic through a front door; the group's health comes from a scripted probe on a fake clock.</summary>
public sealed class FrontDoorTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private const string AlbDns = "lab-alb-1234567890.us-east-1.elb.amazonaws.com";
    private static readonly TargetKey A = new("i-0aaaaaaaaaaaaaaaa", 80);
    private static readonly TargetKey B = new("i-0bbbbbbbbbbbbbbbb", 80);

    private readonly TargetRegistry _registry = new();
    private readonly ScriptedProbe _probe = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task TwoHealthyBackends_RequestsAlternateBetweenBoth()
    {
        await using var serverA = await InstanceWebServer.StartAsync("ip-10-0-1-10.ec2.internal");
        await using var serverB = await InstanceWebServer.StartAsync("ip-10-0-2-20.ec2.internal");
        await using var checker = await HealthyGroupAsync(serverA, serverB);
        await using var door = await FrontDoor.StartAsync(80, _ => checker.Pool.NextRoute());
        using var client = ClientFor(door);

        var bodies = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            bodies.Add(await client.GetStringAsync(new Uri($"http://{AlbDns}/")));
        }

        Assert.Contains(bodies, b => b.Contains("ip-10-0-1-10", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains("ip-10-0-2-20", StringComparison.Ordinal));
        Assert.All(bodies.Zip(bodies.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.Equal(10, serverA.RequestCount);
        Assert.Equal(10, serverB.RequestCount);
    }

    [Fact]
    public async Task OneBackendStoppedAndMarkedUnused_AllRequestsReachTheSurvivor()
    {
        var serverA = await InstanceWebServer.StartAsync("ip-10-0-1-10.ec2.internal");
        await using var serverB = await InstanceWebServer.StartAsync("ip-10-0-2-20.ec2.internal");
        await using var checker = await HealthyGroupAsync(serverA, serverB);
        await using var door = await FrontDoor.StartAsync(80, _ => checker.Pool.NextRoute());
        using var client = ClientFor(door);

        // The control plane's StopInstances: mark not running, re-evaluate, then stop the server.
        _registry.Set(A, TargetEndpoint.NotRunning("stopped"));
        checker.Reevaluate();
        await serverA.DisposeAsync();

        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync(new Uri($"http://{AlbDns}/"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("ip-10-0-2-20", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(20, serverB.RequestCount);
    }

    [Fact]
    public async Task CrashedBackend_OnceUnhealthy_AllRequestsReachTheSurvivor()
    {
        var serverA = await InstanceWebServer.StartAsync("ip-10-0-1-10.ec2.internal");
        await using var serverB = await InstanceWebServer.StartAsync("ip-10-0-2-20.ec2.internal");
        await using var checker = await HealthyGroupAsync(serverA, serverB);
        await using var door = await FrontDoor.StartAsync(80, _ => checker.Pool.NextRoute());
        using var client = ClientFor(door);

        // httpd dies but the instance keeps running: only the health checks can notice (the real probe's answer
        // to a refused connection is HttpHealthProbeTests').
        await serverA.DisposeAsync();
        for (var check = 0; check < 2; check++)
        {
            await CheckAsync(HealthProbeResult.ConnectionFailed, HealthProbeResult.Pass);
        }

        Assert.Equal(TargetHealthReasons.FailedHealthChecks, checker.GetHealth(A).Reason);
        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync(new Uri($"http://{AlbDns}/"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(20, serverB.RequestCount);
    }

    [Fact]
    public async Task Forward_KeepsClientHost_AndAddsForwardedHeadersLikeAnAlb()
    {
        await using var backend = await RecordingServer.StartAsync();
        await using var door = await FrontDoor.StartAsync(8080, _ => RouteDecision.Forward(backend.Port));
        using var client = ClientFor(door, listenerPort: 8080);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{AlbDns}:8080/app/page?x=1"));
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.UserAgent.ParseAdd("lab-client/1.0");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(backend.Requests);
        Assert.Equal($"{AlbDns}:8080", seen.Host);
        Assert.Equal("/app/page", seen.Path);
        Assert.Equal("203.0.113.9, 127.0.0.1", seen.ForwardedFor);
        Assert.Equal("http", seen.ForwardedProto);
        Assert.Equal("8080", seen.ForwardedPort);
        Assert.Equal("lab-client/1.0", seen.UserAgent);
        Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$", seen.TraceId);
    }

    [Fact]
    public async Task Forward_DefaultPort_SendsBareHostName()
    {
        await using var backend = await RecordingServer.StartAsync();
        await using var door = await FrontDoor.StartAsync(80, _ => RouteDecision.Forward(backend.Port));
        using var client = ClientFor(door);

        using var response = await client.GetAsync(new Uri($"http://{AlbDns}/"));

        var seen = Assert.Single(backend.Requests);
        Assert.Equal(AlbDns, seen.Host);
        Assert.Equal("127.0.0.1", seen.ForwardedFor);
        Assert.Equal("80", seen.ForwardedPort);
    }

    [Fact]
    public async Task GroupWithoutTargets_Answers503ServiceTemporarilyUnavailable()
    {
        await using var checker = new TargetHealthChecker(
            new TargetHealthCheckSettings("/", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), 5, 2, "200"), _registry.Resolve, _probe);
        await using var door = await FrontDoor.StartAsync(80, _ => checker.Pool.NextRoute());
        using var client = ClientFor(door);

        using var response = await client.GetAsync(new Uri($"http://{AlbDns}/"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("503 Service Temporarily Unavailable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("awselb/2.0", response.Headers.Server.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackendUnreachable_Answers502BadGateway()
    {
        var closedPort = PortProbe.FreePort();
        await using var door = await FrontDoor.StartAsync(80, _ => RouteDecision.Forward(closedPort));
        using var client = ClientFor(door);

        using var response = await client.GetAsync(new Uri($"http://{AlbDns}/"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("502 Bad Gateway", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_AbortsTheConnection()
    {
        await using var door = await FrontDoor.StartAsync(80, _ => RouteDecision.Reject);
        using var client = ClientFor(door);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://{AlbDns}/")));
    }

    [Fact]
    public async Task Respond_WithBody_SendsFixedResponse()
    {
        await using var door = await FrontDoor.StartAsync(80, _ => RouteDecision.Respond(404, "text/plain", "no rule matched"));
        using var client = ClientFor(door);

        using var response = await client.GetAsync(new Uri($"http://{AlbDns}/"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no rule matched", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Respond_204WithoutBody_SendsEmptyResponse()
    {
        await using var door = await FrontDoor.StartAsync(80, _ => RouteDecision.Respond(204));
        using var client = ClientFor(door);

        using var response = await client.GetAsync(new Uri($"http://{AlbDns}/"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Redirect_SendsLocation()
    {
        var target = new Uri("https://example.test/new");
        await using var door = await FrontDoor.StartAsync(80, _ => RouteDecision.Redirect(target, 302));
        using var client = ClientFor(door);

        using var response = await client.GetAsync(new Uri($"http://{AlbDns}/old"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(target, response.Headers.Location);
    }

    [Fact]
    public async Task RouteCallbackThrows_Answers500()
    {
        await using var door = await FrontDoor.StartAsync(80, RouteThatThrows);
        using var client = ClientFor(door);

        using var response = await client.GetAsync(new Uri($"http://{AlbDns}/"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task StopAsync_PortRefusesConnections()
    {
        await using var door = await FrontDoor.StartAsync(80, _ => RouteDecision.NoTargets);
        Assert.True(await PortProbe.IsAcceptingAsync(door.Port));

        await door.StopAsync();

        Assert.False(await PortProbe.IsAcceptingAsync(door.Port));
    }

    [Fact]
    public void Forward_NonLoopbackUri_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => RouteDecision.Forward(new Uri("http://10.0.1.10:80/")));
        Assert.Throws<ArgumentException>(() => RouteDecision.Forward(new Uri("http://localhost:80/")));
    }

    private static RouteDecision RouteThatThrows(HttpContext context) => throw new InvalidOperationException("boom");

    private static HttpClient ClientFor(FrontDoor door, int listenerPort = 80) =>
        new(new LoopbackConnectHandler((host, port) => host == AlbDns && port == listenerPort ? door.Port : null));

    private async Task<TargetHealthChecker> HealthyGroupAsync(InstanceWebServer serverA, InstanceWebServer serverB)
    {
        _registry.Set(A, TargetEndpoint.Reachable(serverA.Port, "10.0.1.10"));
        _registry.Set(B, TargetEndpoint.Reachable(serverB.Port, "10.0.2.20"));
        var checker = new TargetHealthChecker(
            new TargetHealthCheckSettings("/", Interval, TimeSpan.FromSeconds(2), 2, 2, "200"), _registry.Resolve, _probe, _time);
        checker.Register(A);
        checker.Register(B);
        await CheckAsync(HealthProbeResult.Pass, HealthProbeResult.Pass);
        Assert.All(checker.GetSnapshot(), s => Assert.Equal(TargetHealthState.Healthy, s.State));
        Assert.Equal(2, checker.Pool.RoutableTargets.Length);
        return checker;
    }

    /// <summary>One interval passes; the probe answers A's and B's checks.</summary>
    private async Task CheckAsync(HealthProbeResult forA, HealthProbeResult forB)
    {
        _time.Advance(Interval);
        await _probe.AnswerAsync(A, forA);
        await _probe.AnswerAsync(B, forB);
    }
}
