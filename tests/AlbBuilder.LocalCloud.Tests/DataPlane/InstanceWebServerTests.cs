using System.Net;
using AlbBuilder.LocalCloud.DataPlane;

namespace AlbBuilder.LocalCloud.Tests.DataPlane;

public sealed class InstanceWebServerTests
{
    private const string Name = "ip-10-0-1-23.ec2.internal";

    [Fact]
    public async Task Get_Root_AnswersHelloWorldWithItsName()
    {
        await using var server = await InstanceWebServer.StartAsync(Name);
        using var client = new HttpClient();

        foreach (var path in new[] { "/", "/index.html" })
        {
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{server.Port}{path}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal($"<h1>Hello World from {Name}</h1>", (await response.Content.ReadAsStringAsync()).Trim());
        }

        Assert.Equal(2, server.RequestCount);
        Assert.True(server.IsRunning);
    }

    [Fact]
    public async Task Head_Root_Answers200WithoutBody()
    {
        await using var server = await InstanceWebServer.StartAsync(Name);
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri($"http://127.0.0.1:{server.Port}/"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_MissingFile_Answers404LikeApache()
    {
        await using var server = await InstanceWebServer.StartAsync(Name);
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{server.Port}/health"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<title>404 Not Found</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Root_Answers405()
    {
        await using var server = await InstanceWebServer.StartAsync(Name);
        using var client = new HttpClient();

        using var response = await client.PostAsync(new Uri($"http://127.0.0.1:{server.Port}/"), new StringContent("x"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task StopAsync_ThenConnect_IsRefused()
    {
        await using var server = await InstanceWebServer.StartAsync(Name);
        Assert.True(await PortProbe.IsAcceptingAsync(server.Port));

        await server.StopAsync();

        Assert.False(server.IsRunning);
        Assert.False(await PortProbe.IsAcceptingAsync(server.Port));
    }

    [Fact]
    public async Task StartAsync_OnSamePortAfterStop_AnswersAgain()
    {
        var first = await InstanceWebServer.StartAsync(Name);
        var port = first.Port;
        using (var keepAlive = new HttpClient())
        {
            // A served (keep-alive) connection must not keep the port from being rebound.
            Assert.Equal(HttpStatusCode.OK, (await keepAlive.GetAsync(new Uri($"http://127.0.0.1:{port}/"))).StatusCode);
            await first.DisposeAsync();
        }

        await using var second = await InstanceWebServer.StartAsync(Name, port);
        using var client = new HttpClient();
        var body = await client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/"));

        Assert.Equal(port, second.Port);
        Assert.Contains(Name, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_PortInUse_Throws()
    {
        await using var server = await InstanceWebServer.StartAsync(Name);

        await Assert.ThrowsAsync<IOException>(() => InstanceWebServer.StartAsync("ip-10-0-1-24.ec2.internal", server.Port));
        Assert.True(await PortProbe.IsAcceptingAsync(server.Port));
    }

    [Fact]
    public async Task StartAndDispose_TwentyServers_LeavesNoPortAccepting()
    {
        var servers = await Task.WhenAll(Enumerable.Range(1, 20)
            .Select(i => InstanceWebServer.StartAsync($"ip-10-0-2-{i}.ec2.internal")));
        var ports = servers.Select(s => s.Port).ToArray();
        Assert.Equal(20, ports.Distinct().Count());
        using (var client = new HttpClient())
        {
            var bodies = await Task.WhenAll(ports.Select(p => client.GetStringAsync(new Uri($"http://127.0.0.1:{p}/"))));
            Assert.All(Enumerable.Range(0, 20), i => Assert.Contains($"ip-10-0-2-{i + 1}.ec2.internal", bodies[i], StringComparison.Ordinal));
        }

        await Task.WhenAll(servers.Select(s => s.DisposeAsync().AsTask()));

        foreach (var port in ports)
        {
            Assert.False(await PortProbe.IsAcceptingAsync(port), $"port {port} still accepts connections");
        }
    }
}
