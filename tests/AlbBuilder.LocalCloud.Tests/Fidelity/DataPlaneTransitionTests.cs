using System.Net;
using System.Net.Sockets;
using AlbBuilder.LocalCloud.Tests.Cloud;
using Amazon.EC2.Model;
using Xunit.Abstractions;

namespace AlbBuilder.LocalCloud.Tests.Fidelity;

/// <summary>
/// Issue 12 items 6 and 7 on the Realistic profile (× 0.02, real clock): a stopping instance stays in the routing pool
/// until its checks fail (clients see 502), and a new load balancer's DNS name resolves only after propagation.
/// </summary>
public sealed class DataPlaneTransitionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LocalCloud _cloud = null!;

    public async Task InitializeAsync() =>
        _cloud = await LocalCloud.StartAsync(new LocalCloudOptions { LatencyProfile = LatencyProfile.Realistic(0.02) });

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [Fact]
    public async Task NewLoadBalancer_NameDoesNotResolveUntilPropagated_ThenServes()
    {
        using var ec2 = _cloud.CreateEc2Client();
        using var elb = _cloud.CreateElasticLoadBalancingV2Client();
        using var http = new HttpClient(_cloud.CreateHttpMessageHandler());
        var lab = await Lab.CreateAsync(ec2, elb, "dns", instances: 1);

        // 150 s × 0.02 = 3 s after creation: the name is unknown, as the real resolver says for NXDOMAIN.
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(new Uri($"http://{lab.DnsName}/")));
        Assert.Equal(HttpRequestError.NameResolutionError, error.HttpRequestError);
        Assert.Equal(SocketError.HostNotFound, Assert.IsType<SocketException>(error.InnerException).SocketErrorCode);

        await lab.WaitActiveAsync(elb);
        await lab.WaitForHealthAsync(elb, h => h.Values.All(t => t.State == "healthy"), "healthy");
        var body = await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    return await http.GetStringAsync(new Uri($"http://{lab.DnsName}/"));
                }
                catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.NameResolutionError)
                {
                    return null;
                }
            },
            b => b is not null,
            "the name resolves");
        Assert.Contains("Hello World from", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstantProfile_NameResolvesAtOnce()
    {
        await using var instant = await LocalCloud.StartAsync();
        using var ec2 = instant.CreateEc2Client();
        using var elb = instant.CreateElasticLoadBalancingV2Client();
        using var http = new HttpClient(instant.CreateHttpMessageHandler());
        var lab = await Lab.CreateAsync(ec2, elb, "dns0", instances: 1);
        await lab.WaitActiveAsync(elb);
        await lab.WaitForHealthAsync(elb, h => h.Values.All(t => t.State == "healthy"), "healthy");

        Assert.Contains("Hello World from", await http.GetStringAsync(new Uri($"http://{lab.DnsName}/")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoppingInstance_StaysRoutedUntilItsChecksFail_ClientsSee502ThenOnlyTheSurvivor()
    {
        using var ec2 = _cloud.CreateEc2Client();
        using var elb = _cloud.CreateElasticLoadBalancingV2Client();
        using var http = new HttpClient(_cloud.CreateHttpMessageHandler());
        var lab = await Lab.CreateAsync(ec2, elb, "stop", instances: 2);
        await lab.WaitActiveAsync(elb);
        await lab.WaitForHealthAsync(elb, h => h.Count == 2 && h.Values.All(t => t.State == "healthy"), "healthy");
        var url = new Uri($"http://{lab.DnsName}/");
        await Poll.UntilAsync(async () => await TryGetAsync(http, url), s => s == HttpStatusCode.OK, "the name resolves");

        await ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [lab.InstanceIds[0]] });
        var statuses = new List<HttpStatusCode?>();
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(2))
        {
            statuses.Add(await TryGetAsync(http, url));
        }

        output.WriteLine(string.Join(" ", statuses.Select(s => s is null ? "x" : ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture))));

        // The stopping instance's httpd refuses at once, but the load balancer keeps routing to it (502) until its checks fail.
        Assert.Contains(HttpStatusCode.BadGateway, statuses);
        Assert.All(statuses.TakeLast(20), s => Assert.Equal(HttpStatusCode.OK, s));
        var last = statuses.FindLastIndex(s => s != HttpStatusCode.OK);
        Assert.True(last < statuses.Count - 20, "the transition ends: only the survivor serves afterwards");
    }

    private static async Task<HttpStatusCode?> TryGetAsync(HttpClient http, Uri url)
    {
        try
        {
            using var response = await http.GetAsync(url);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
