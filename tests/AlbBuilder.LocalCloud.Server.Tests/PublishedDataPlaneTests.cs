using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.EC2.Model;

namespace AlbBuilder.LocalCloud.Server.Tests;

/// <summary>
/// <see cref="LocalCloudOptions.PublishDataPlane"/>: listeners on their own port or a mapped one, instance public addresses,
/// and the URLs <see cref="LocalCloud.GetUrls"/> and <see cref="LocalCloud.ResolveUrl"/> give, reached with plain sockets.
/// </summary>
public sealed class PublishedDataPlaneTests
{
    [Fact]
    public async Task ListenerPortInUse_GetsAMappedPort_ThatTheUrlsShow()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var listenerPort = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { PublishDataPlane = true });
        await using var lab = AlbLab.Create("mapped").WithInstances(2).ListenOn(listenerPort).WithLocalCloud(cloud).Build();
        await lab.StartAsync();

        var url = cloud.ResolveUrl(new Uri(lab.Url!, "/index.html"));

        Assert.NotNull(url);
        Assert.Equal(lab.Url!.Host, url.Host);
        Assert.NotEqual(listenerPort, url.Port);
        Assert.Equal("/index.html", url.AbsolutePath);
        var listed = Assert.Single(cloud.GetUrls(), u => u.ResourceId.Contains(":listener/", StringComparison.Ordinal));
        Assert.Equal(new Uri(url, "/"), listed.Url);
        Assert.Equal(lab.Url, listed.AwsUrl);
        Assert.StartsWith("<h1>Hello World from ip-", await GetAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListenerPortFree_IsTheListenersOwnPort()
    {
        var listenerPort = FreePort();
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { PublishDataPlane = true });
        await using var lab = AlbLab.Create("own").WithInstances(1).ListenOn(listenerPort).WithLocalCloud(cloud).Build();
        await lab.StartAsync();

        var url = cloud.ResolveUrl(lab.Url!);

        Assert.Equal(lab.Url, url);
        Assert.StartsWith("<h1>Hello World from ip-", await GetAsync(url!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstancePublicAddress_AnswersOnlyWhenItsSecurityGroupAdmitsThisMachine()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { PublishDataPlane = true });
        await using var lab = AlbLab.Create("public").WithInstances(1).WithLocalCloud(cloud).Build();
        await lab.StartAsync();
        var instance = (await lab.GetStatusAsync()).Instances[0];
        var publicUrl = new Uri($"http://{instance.PublicIpAddress}/");

        // The lab's instances admit port 80 from the load balancer's group only, as the seed's do.
        Assert.Null(cloud.ResolveUrl(publicUrl));
        Assert.DoesNotContain(cloud.GetUrls(), u => u.ResourceId == instance.InstanceId);

        using var ec2 = cloud.CreateEc2Client();
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = lab.Resources.InstanceSecurityGroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 80, ToPort = 80, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        });
        var url = cloud.ResolveUrl(publicUrl);

        Assert.NotNull(url);
        Assert.Contains(cloud.GetUrls(), u => u.ResourceId == instance.InstanceId && u.Url == url);
        Assert.Equal($"<h1>Hello World from {instance.PrivateDnsName}</h1>\n", await GetAsync(url));
    }

    [Fact]
    public async Task Routes_AnswerInventoryUrlsAndResolve_AsJson_AndUnknownPathsWith404()
    {
        await using var cloud = await LocalCloud.StartAsync();
        using var http = new HttpClient { BaseAddress = cloud.ServiceUrl };

        var inventory = await http.GetStringAsync(new Uri("_localcloud/inventory", UriKind.Relative));
        var urls = await http.GetStringAsync(new Uri("_localcloud/urls", UriKind.Relative));
        using var unknown = await http.GetAsync(new Uri("_localcloud/nothing", UriKind.Relative));
        using var unresolved = await http.GetAsync(new Uri("_localcloud/resolve?url=http%3A%2F%2Fnope.elb.localhost%2F", UriKind.Relative));

        Assert.Contains("\"isEmpty\":true", inventory, StringComparison.Ordinal);
        Assert.Equal("[]", urls);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unresolved.StatusCode);
        Assert.Contains("Nothing answers at nope.elb.localhost:80", await unresolved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestOverTheSizeLimit_GetsAnAwsShapedError()
    {
        await using var cloud = await LocalCloud.StartAsync();
        using var http = new HttpClient();
        using var body = new StringContent("Action=DescribeVpcs&Version=2016-11-15&Pad=" + new string('x', 1024 * 1024 + 1), Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await http.PostAsync(cloud.ServiceUrl, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("<Code>RequestEntityTooLarge</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>What curl does with a <c>*.localhost</c> name: connect to 127.0.0.1 (or the IP itself) at the URL's port.</summary>
    private static async Task<string> GetAsync(Uri url)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (context, ct) =>
            {
                var address = IPAddress.TryParse(context.DnsEndPoint.Host, out var ip) ? ip : IPAddress.Loopback;
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        });
        return await http.GetStringAsync(url);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
