using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Xunit.Abstractions;

namespace AlbBuilder.LocalCloud.Tests.Cloud;

[Collection(PortSensitiveCollection.Name)]
public sealed class StartupTests(ITestOutputHelper output)
{
    private static IPEndPoint[] Listeners() => IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners();

    [Fact]
    public async Task StartAsync_ServesOnLoopbackOnly_AndReportsStartupTime()
    {
        var stopwatch = Stopwatch.StartNew();
        await using var cloud = await LocalCloud.StartAsync();
        stopwatch.Stop();
        output.WriteLine($"LocalCloud started in {stopwatch.Elapsed.TotalMilliseconds:F1} ms (self-reported {cloud.StartupTime.TotalMilliseconds:F1} ms)");

        Assert.Equal("127.0.0.1", cloud.ServiceUrl.Host);
        var bound = Listeners().Where(e => e.Port == cloud.ServiceUrl.Port).ToList();
        Assert.NotEmpty(bound);
        Assert.All(bound, e => Assert.Equal(IPAddress.Loopback, e.Address));
        Assert.Equal("us-east-1", cloud.Region);
        Assert.True(cloud.GetInventory().IsEmpty);
    }

    [Fact]
    public async Task StartAndDispose_TwentyTimes_NoPortStaysOpen()
    {
        var ports = new List<int>();
        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var cloud = await LocalCloud.StartAsync();
            times.Add(cloud.StartupTime.TotalMilliseconds);
            ports.Add(cloud.ServiceUrl.Port);
            await cloud.DisposeAsync();
        }

        output.WriteLine($"startup ms: first {times[0]:F1}, median {times.Order().ElementAt(10):F1}, max {times.Max():F1}");
        var open = Listeners().Select(e => e.Port).ToHashSet();
        Assert.DoesNotContain(ports, open.Contains);
    }

    [Fact]
    public async Task Dispose_AfterALab_ClosesEveryDataPlanePort()
    {
        var cloud = await LocalCloud.StartAsync();
        using (var ec2 = cloud.CreateEc2Client())
        using (var elb = cloud.CreateElasticLoadBalancingV2Client())
        {
            var lab = await Lab.CreateAsync(ec2, elb, "ports", instances: 2);
            await lab.WaitForHealthAsync(elb, h => h.Values.All(t => t.State == "healthy"), "healthy");
        }

        var ports = cloud.ListeningPorts;
        Assert.Equal(1 + 2 + 1, ports.Count); // control plane, two instances, one front door
        Assert.All(ports, p => Assert.Contains(Listeners(), e => e.Port == p && e.Address.Equals(IPAddress.Loopback)));

        await cloud.DisposeAsync();

        var open = Listeners().Select(e => e.Port).ToHashSet();
        Assert.DoesNotContain(ports, open.Contains);
    }

    [Fact]
    public async Task Clients_BeforeStart_Configured_AfterStart_PointAtServiceUrl()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { Region = "eu-central-1" });

        var ec2 = cloud.ConfigureEc2(new AmazonEC2Config());
        var elb = cloud.ConfigureElasticLoadBalancingV2(new AmazonElasticLoadBalancingV2Config());

        Assert.Equal(cloud.ServiceUrl.ToString(), ec2.ServiceURL);
        Assert.Equal("eu-central-1", ec2.AuthenticationRegion);
        Assert.Equal(cloud.ServiceUrl.ToString(), elb.ServiceURL);
        Assert.Equal("eu-central-1", elb.AuthenticationRegion);
        Assert.Same(cloud.Credentials, ec2.DefaultAWSCredentials);
    }

    [Fact]
    public async Task StartAsync_PositionalCancellationToken_StartsWithDefaults()
    {
        using var cts = new CancellationTokenSource();
        var ct = cts.Token;

        await using var cloud = await LocalCloud.StartAsync(ct);

        Assert.Equal("us-east-1", cloud.Region);
        Assert.Same(LatencyProfile.Instant, cloud.LatencyProfile);
        Assert.Equal("127.0.0.1", cloud.ServiceUrl.Host);
    }

    [Fact]
    public async Task StartAsync_PositionalCancellationToken_AlreadyCancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => LocalCloud.StartAsync(cts.Token));
    }
}
