using AlbBuilder.Classroom.Throttling;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.LocalCloud;
using Amazon.EC2;

namespace AlbBuilder.Classroom.Tests.Scenarios;

/// <summary>
/// A throttling storm: LocalCloud's buckets are far smaller than AWS's (5 tokens, 20 a second, for every action), so a
/// class whose clients aim at AWS's rates is throttled again and again. The SDK's Adaptive retry behind the shared
/// clients, and the shared clients' own resend after a drained bucket and a backoff, absorb every throttle: the cloud
/// answered RequestLimitExceeded / Throttling again and again, yet no lab failed. (Without the resend, Adaptive retry
/// gave up on most labs: "capacity could not be obtained".) Rates ×10 keep the backoffs short.
/// </summary>
public sealed class ThrottlingStormTests
{
    [Fact]
    public async Task ClassStart_UnderAStorm_ThrottledByTheCloud_NoErrorSurfaces()
    {
        await using var cloud = await ClassroomCloud.StartAsync(o => o.Throttling = LocalCloudThrottling.Fixed(capacity: 5, refillPerSecond: 20));
        using var ec2 = AdaptiveRetryClients.CreateEc2(cloud.Cloud.ConfigureEc2(new AmazonEC2Config()), cloud.Cloud.Credentials);
        using var elb = AdaptiveRetryClients.CreateElasticLoadBalancing(
            cloud.Cloud.ConfigureElasticLoadBalancingV2(new AmazonElasticLoadBalancingV2Config()), cloud.Cloud.Credentials);
        await using var classroom = AlbClassroom.Create(cloud.Template().WithAwsClients(ec2, elb))
            .WithName("storm")
            .WithRequestRates(AwsRequestRates.Default.Scaled(10))
            .ForLearners("l{0}", 6)
            .Build();

        var started = await classroom.StartAsync();
        var verified = await classroom.VerifyTrafficAsync();
        var destroyed = await classroom.DestroyAsync();

        Assert.True(cloud.Cloud.Calls.Throttled > 0, "the storm never throttled a call: the test proves nothing");
        Assert.True(started.AllSucceeded, started + " " + string.Join(" | ", started.Failures.Select(f => f.Error?.ToString())));
        Assert.True(verified.AllSucceeded, verified.ToString());
        Assert.True(destroyed.AllSucceeded, destroyed.ToString());
        Assert.True(cloud.Cloud.GetInventory().IsEmpty, cloud.Cloud.GetInventory().ToString());
    }
}
