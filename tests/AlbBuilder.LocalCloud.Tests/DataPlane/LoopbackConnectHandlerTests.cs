using System.Collections.Concurrent;
using System.Net;
using AlbBuilder.LocalCloud.DataPlane;

namespace AlbBuilder.LocalCloud.Tests.DataPlane;

public sealed class LoopbackConnectHandlerTests
{
    [Fact]
    public async Task UnknownHost_FailsWithClearMessage_WithoutLookupOrConnect()
    {
        var asked = new ConcurrentQueue<(string Host, int Port)>();
        using var client = new HttpClient(new LoopbackConnectHandler((host, port) =>
        {
            asked.Enqueue((host, port));
            return null;
        }));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("http://unknown-alb.invalid/")));

        Assert.Equal(HttpRequestError.ConnectionError, ex.HttpRequestError);
        Assert.Contains("nothing answers at unknown-alb.invalid:80", ex.Message, StringComparison.Ordinal);
        Assert.Equal([("unknown-alb.invalid", 80)], asked.ToArray());
    }

    [Fact]
    public async Task InstancePublicIp_ReachesItsLoopbackServer_WithHostIntact()
    {
        await using var backend = await RecordingServer.StartAsync();
        using var client = new HttpClient(new LoopbackConnectHandler((host, port) =>
            host == "203.0.113.10" && port == 80 ? backend.Port : null));

        using var response = await client.GetAsync(new Uri("http://203.0.113.10/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("203.0.113.10", Assert.Single(backend.Requests).Host);
    }

    [Fact]
    public async Task InstanceWebServer_ThroughPublicIp_AnswersWithItsName()
    {
        await using var server = await InstanceWebServer.StartAsync("ip-10-0-1-30.ec2.internal");
        using var client = new HttpClient(new LoopbackConnectHandler((host, port) => host == "203.0.113.30" ? server.Port : null));

        var body = await client.GetStringAsync(new Uri("http://203.0.113.30/"));

        Assert.Contains("Hello World from ip-10-0-1-30.ec2.internal", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoopbackOnlyHandler_NonLoopbackAddress_IsRefusedBeforeConnecting()
    {
        using var client = new HttpClient(LoopbackConnectHandler.CreateLoopbackOnlyHandler());

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("http://192.0.2.1/")));

        Assert.Contains("only connects to 127.0.0.1", ex.Message, StringComparison.Ordinal);
    }
}
