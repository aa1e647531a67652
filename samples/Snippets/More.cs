using AlbBuilder;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.LocalCloud;
using Amazon;

namespace Snippets;

/// <summary>The code of docs/localcloud.md, docs/traffic-and-drill.md and docs/elbv2-client.md.</summary>
public static class More
{
    /// <summary>A lab on LocalCloud at 1/20 of AWS's timing.</summary>
    public static async Task LocalCloudLabAsync()
    {
        #region snippet:localcloud-lab
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { LatencyProfile = LatencyProfile.Realistic(0.05) });
        await using var lab = AlbLab.Create("demo")
            .WithInstances(2)
            .WithUserData(UserData.HelloHttpd())
            .ListenOn(80)
            .WithLocalCloud(cloud)   // cloud-owned EC2/ELBv2 clients, traffic handler, the cloud's clock, polling suited to the profile
            .Build();
        await lab.StartAsync();
        #endregion
    }

    /// <summary>Traffic verification without a lab object.</summary>
    public static async Task<TrafficReport> VerifyAsync(IAlbLab lab)
    {
        #region snippet:traffic-verify
        TrafficReport report = await TrafficVerifier.VerifyAsync(lab.Url!, new TrafficOptions { Requests = 50 });
        Console.WriteLine(report);
        // 50/50 succeeded in 0.41 s; 2 backend(s): ip-172-31-1-10.ec2.internal 25, ip-172-31-2-20.ec2.internal 25
        //   (balanced within ±25%); p50 6 ms, p90 11 ms, p99 19 ms, max 19 ms
        #endregion
        return report;
    }

    /// <summary>The ELBv2 client's paginators.</summary>
    public static async Task ListLoadBalancersAsync()
    {
        #region snippet:elbv2-paginator
        using var elb = new AmazonElasticLoadBalancingV2Client(RegionEndpoint.EUWest1);
        await foreach (var lb in elb.Paginators.DescribeLoadBalancers(new DescribeLoadBalancersRequest()).LoadBalancers)
        {
            Console.WriteLine($"{lb.LoadBalancerName} {lb.DNSName} {lb.State?.Code}");
        }
        #endregion
    }
}
