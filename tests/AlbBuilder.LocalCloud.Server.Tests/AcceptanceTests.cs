using System.Text.Json;
using System.Text.RegularExpressions;

namespace AlbBuilder.LocalCloud.Server.Tests;

/// <summary>
/// The issue's acceptance sequence, each step its own process: the server; <c>up --endpoint</c> prints a URL under
/// <c>.localhost</c>; plain HTTP there sees both backends; <c>drill</c>, <c>status</c>, <c>down</c>; the inventory is empty.
/// </summary>
public sealed partial class AcceptanceTests
{
    [Fact]
    public async Task SeparateProcesses_UpBrowseDrillStatusDown_LeaveAnEmptyInventory()
    {
        await using var server = await ServerProcess.StartAsync("--instant");
        var endpoint = server.Endpoint.ToString();

        var up = await ExternalTool.RunSampleAsync("up", "--endpoint", endpoint, "--name", "accept");
        Assert.True(up.ExitCode == 0, up.Output);
        var url = new Uri(LoadBalancerUrl().Match(up.Output).Groups["url"].Value);
        Assert.EndsWith(".localhost", url.Host, StringComparison.Ordinal);

        // What curl or a browser does: *.localhost is loopback, so the name connects to 127.0.0.1 at the printed port.
        using (var http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, context.DnsEndPoint.Port), ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        }))
        {
            var hosts = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < 10; i++)
            {
                hosts.Add(await http.GetStringAsync(url));
            }

            Assert.Equal(2, hosts.Count);
            Assert.All(hosts, page => Assert.StartsWith("<h1>Hello World from ip-", page, StringComparison.Ordinal));
        }

        foreach (var command in new[] { "drill", "status", "down" })
        {
            var run = await ExternalTool.RunSampleAsync(command, "--endpoint", endpoint, "--name", "accept");
            Assert.True(run.ExitCode == 0, $"{command}:\n{run.Output}");
        }

        using var client = new HttpClient();
        var inventory = JsonDocument.Parse(await client.GetStringAsync(new Uri(server.Endpoint, "_localcloud/inventory")));
        Assert.True(inventory.RootElement.GetProperty("isEmpty").GetBoolean(), inventory.RootElement.ToString());
    }

    [Fact]
    public async Task Drill_WithOneInstance_RefusesBeforeCreatingAnything()
    {
        await using var server = await ServerProcess.StartAsync("--instant");

        var drill = await ExternalTool.RunSampleAsync("drill", "--endpoint", server.Endpoint.ToString(), "--instances", "1");

        Assert.Equal(2, drill.ExitCode);
        Assert.Contains("needs at least 2 instances", drill.Output, StringComparison.Ordinal);
        using var client = new HttpClient();
        var inventory = JsonDocument.Parse(await client.GetStringAsync(new Uri(server.Endpoint, "_localcloud/inventory")));
        Assert.True(inventory.RootElement.GetProperty("isEmpty").GetBoolean());
    }

    [GeneratedRegex(@"Load balancer URL: (?<url>http://\S+)")]
    private static partial Regex LoadBalancerUrl();
}
