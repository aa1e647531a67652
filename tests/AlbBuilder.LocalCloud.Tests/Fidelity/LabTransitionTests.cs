using AlbBuilder.LocalCloud.Tests.Cloud;
using Xunit.Abstractions;

namespace AlbBuilder.LocalCloud.Tests.Fidelity;

/// <summary>
/// The lab against LocalCloud's Realistic profile (× 0.02, real clock): the drill's report shows the stopping
/// instance's transition, and the traffic verification waits for a new load balancer's name instead of failing.
/// </summary>
public sealed class LabTransitionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Drill_OnRealisticProfile_FailuresInsideTheWindowNoneAfter()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { LatencyProfile = LatencyProfile.Realistic(0.02) });
        var lab = AlbLab.Create("transition").WithInstances(2).WithLocalCloud(cloud).Build();
        await lab.StartAsync();

        var drill = await lab.RunFailoverDrillAsync();
        output.WriteLine(drill.Summary);
        await lab.DestroyAsync();

        Assert.True(drill.Succeeded, drill.Summary);
        Assert.True(drill.TransitionFailures > 0, "the load balancer still routed to the stopping instance for a while");
        Assert.Equal(0, drill.FailedAfterWindow);
        Assert.Equal(0, drill.StoppedServedAfterWindow);
        Assert.NotNull(drill.CutOverAfter);
        Assert.True(drill.CutOverAfter < drill.TransitionWindow, drill.Summary);
        Assert.True(drill.SurvivorBatches > 1, drill.Summary);
        Assert.Contains(drill.SurvivorTraffic!.Failures, f => f.Reason == "502");
    }

    [Fact]
    public async Task VerifyTraffic_RightAfterTheLoadBalancerIsCreated_WaitsForItsName()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { LatencyProfile = LatencyProfile.Realistic(0.02) });
        using var ec2 = cloud.CreateEc2Client();
        using var elb = cloud.CreateElasticLoadBalancingV2Client();
        var lab = await Lab.CreateAsync(ec2, elb, "dnswait", instances: 2);

        // The name resolves 3 s after creation; by then the load balancer is active and its targets healthy.
        var report = await TrafficVerifier.VerifyAsync(
            new Uri($"http://{lab.DnsName}/"),
            new TrafficOptions { Requests = 10, Handler = cloud.CreateHttpMessageHandler(), NameResolutionTimeout = TimeSpan.FromSeconds(20) });

        output.WriteLine(report.ToString());
        Assert.True(report.AllSucceeded, report.ToString());
        Assert.DoesNotContain(report.Failures, f => f.Reason.Contains("resolve", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task VerifyTraffic_NameNeverResolvesInTime_ClearTimeout()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { LatencyProfile = LatencyProfile.Realistic(0.02) });
        using var ec2 = cloud.CreateEc2Client();
        using var elb = cloud.CreateElasticLoadBalancingV2Client();
        var lab = await Lab.CreateAsync(ec2, elb, "dnsslow", instances: 1);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => TrafficVerifier.VerifyAsync(
            new Uri($"http://{lab.DnsName}/"),
            new TrafficOptions { Requests = 2, Handler = cloud.CreateHttpMessageHandler(), NameResolutionTimeout = TimeSpan.FromMilliseconds(100) }));

        Assert.Contains(lab.DnsName, error.Message, StringComparison.Ordinal);
        Assert.Contains("NameResolutionTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("propagate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyTraffic_NoNameWait_CountsTheUnresolvedName()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { LatencyProfile = LatencyProfile.Realistic(0.02) });
        using var ec2 = cloud.CreateEc2Client();
        using var elb = cloud.CreateElasticLoadBalancingV2Client();
        var lab = await Lab.CreateAsync(ec2, elb, "dnsnow", instances: 1);

        var report = await TrafficVerifier.VerifyAsync(
            new Uri($"http://{lab.DnsName}/"),
            new TrafficOptions { Requests = 2, Handler = cloud.CreateHttpMessageHandler(), NameResolutionTimeout = TimeSpan.Zero });

        Assert.Equal(2, report.Failed);
    }
}
