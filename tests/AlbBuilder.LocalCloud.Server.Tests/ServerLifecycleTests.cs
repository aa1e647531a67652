using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace AlbBuilder.LocalCloud.Server.Tests;

/// <summary>The server's start (paste-ready lines), its refusal of a non-loopback address, and its clean stop on SIGTERM.</summary>
public sealed partial class ServerLifecycleTests
{
    [Fact]
    public async Task Start_PrintsPasteReadyEnvironment_AndSigtermFreesEveryPort()
    {
        await using var server = await ServerProcess.StartAsync("--instant");
        Assert.Contains($"AWS_ACCESS_KEY_ID={LocalCloud.AccessKeyId}", server.Output, StringComparison.Ordinal);
        Assert.Contains($"AWS_SECRET_ACCESS_KEY={LocalCloud.SecretAccessKey}", server.Output, StringComparison.Ordinal);
        Assert.Contains("AWS_REGION=us-east-1", server.Output, StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", server.Endpoint.Host);

        // A lab whose instances and front door listen, so the stop has servers and timers to end.
        var (exitCode, output) = await ExternalTool.RunSampleAsync("up", "--endpoint", server.Endpoint.ToString(), "--name", "stopping");
        Assert.True(exitCode == 0, output);
        var open = await server.WaitForLineAsync(l => l.StartsWith("open load balancer", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var frontDoor = new Uri(UrlPattern().Match(open).Value);

        Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains("every port is closed", server.Output, StringComparison.Ordinal);
        Assert.False(await AcceptsAsync(IPAddress.Loopback, server.Endpoint.Port), "the control plane still listens");
        Assert.False(await AcceptsAsync(IPAddress.Loopback, frontDoor.Port), "the front door still listens");
    }

    [Theory]
    [InlineData("0.0.0.0", "refusing 0.0.0.0")]
    [InlineData("192.168.1.10", "refusing 192.168.1.10")]
    [InlineData("example.com", "not an IP address")]
    public async Task Bind_NonLoopback_IsRefusedWithAClearError(string address, string expected)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ServerApp.RunAsync(["--bind", address], output, error, CancellationToken.None);

        Assert.Equal(ServerApp.UsageExitCode, exitCode);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("loopback", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public async Task PortInUse_FailsWithAClearError()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ServerApp.RunAsync(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--instant"], output, error, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains($"could not listen on 127.0.0.1:{port}", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Changes_AnnounceNewAndGoneUrls_WithTheAwsAddressWhenMapped()
    {
        var known = new Dictionary<string, LocalCloudUrl>(StringComparer.Ordinal);
        var cloud = new LocalCloudUrl(
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/demo-alb/1/2",
            "demo-alb",
            new Uri("http://demo.elb.localhost:80/"),
            new Uri("http://demo.elb.localhost:41000/"));

        var first = UrlAnnouncer.Changes(known, [cloud]);
        var again = UrlAnnouncer.Changes(known, [cloud]);
        var gone = UrlAnnouncer.Changes(known, []);

        Assert.Equal(["open load balancer demo-alb: http://demo.elb.localhost:41000/ (on AWS: http://demo.elb.localhost/)"], first);
        Assert.Empty(again);
        Assert.Equal(["gone demo-alb: http://demo.elb.localhost:41000/"], gone);
    }

    private static async Task<bool> AcceptsAsync(IPAddress address, int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(address, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"http://\S+")]
    private static partial Regex UrlPattern();
}
