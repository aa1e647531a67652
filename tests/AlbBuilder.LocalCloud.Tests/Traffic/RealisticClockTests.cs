using AlbBuilder.LocalCloud.Tests.Cloud;
using Xunit.Abstractions;

namespace AlbBuilder.LocalCloud.Tests.Traffic;

/// <summary>The demo path: a Realistic profile on the real clock (×0.01: 1.2 s provisioning, 0.2 s pending, 0.6 s to httpd).</summary>
public sealed class RealisticClockTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RealisticHundredthOnSystemClock_LabServes()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { LatencyProfile = LatencyProfile.Realistic(0.01) });
        using var ec2 = cloud.CreateEc2Client();
        using var elb = cloud.CreateElasticLoadBalancingV2Client();
        using var http = new HttpClient(cloud.CreateHttpMessageHandler());
        var started = cloud.TimeProvider.GetTimestamp();

        var lab = await Lab.CreateAsync(ec2, elb, "realistic", instances: 2);
        await lab.WaitActiveAsync(elb);
        await lab.WaitForHealthAsync(elb, h => h.Values.All(t => t.State == "healthy"), "healthy");
        // The name resolves only after DNS propagation (150 s × 0.01 after creation), possibly a little after "healthy".
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
            "the load balancer's name resolves");

        output.WriteLine($"serving after {cloud.TimeProvider.GetElapsedTime(started).TotalSeconds:F2} s");
        Assert.Contains("Hello World from ip-172-31-", body, StringComparison.Ordinal);
    }
}
