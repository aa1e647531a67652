using System.Net;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.LocalCloud.Tests.Cloud;
using AlbBuilder.LocalCloud.Tests.Hardening;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.LocalCloud.Tests.Throttling;

/// <summary>Issue 15: AWS's request throttling, through the real SDK clients over HTTP.</summary>
public sealed class ThrottlingTests
{
    private static async Task<(LocalCloud Cloud, IAmazonEC2 Ec2, IAmazonElasticLoadBalancingV2 Elb)> StartAsync(LocalCloudOptions options, int maxErrorRetry = 0)
    {
        var cloud = await LocalCloud.StartAsync(options);
        var ec2 = new AmazonEC2Client(cloud.Credentials, cloud.ConfigureEc2(new AmazonEC2Config { MaxErrorRetry = maxErrorRetry }));
        var elb = new AmazonElasticLoadBalancingV2Client(
            cloud.Credentials,
            cloud.ConfigureElasticLoadBalancingV2(new AmazonElasticLoadBalancingV2Config { MaxErrorRetry = maxErrorRetry }));
        return (cloud, ec2, elb);
    }

    [Fact]
    public async Task Throttled_Ec2RequestLimitExceeded503_Elbv2Throttling400_AndCounted()
    {
        var (cloud, ec2, elb) = await StartAsync(new LocalCloudOptions { Throttling = LocalCloudThrottling.Fixed(1, 0) });
        await using var _ = cloud;
        using var __ = ec2;
        using var ___ = elb;

        await ec2.DescribeVpcsAsync(new DescribeVpcsRequest());
        var ec2Error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeVpcsAsync(new DescribeVpcsRequest()));
        await elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest());
        var elbError = await Assert.ThrowsAsync<AmazonElasticLoadBalancingV2Exception>(() => elb.DescribeTargetGroupsAsync(new Elb.DescribeTargetGroupsRequest()));

        Assert.Equal(("RequestLimitExceeded", HttpStatusCode.ServiceUnavailable), (ec2Error.ErrorCode, ec2Error.StatusCode));
        Assert.Contains("throttled on ec2:DescribeVpcs", ec2Error.Message, StringComparison.Ordinal);
        Assert.Equal(("Throttling", HttpStatusCode.BadRequest, "Rate exceeded"), (elbError.ErrorCode, elbError.StatusCode, elbError.Message));
        Assert.Equal(2, cloud.Calls["DescribeVpcs"]);                       // throttled calls are calls too
        Assert.Equal(1, cloud.Calls.ThrottledOf("DescribeVpcs"));
        Assert.Equal(1, cloud.Calls.ThrottledOf("ec2:DescribeVpcs"));
        Assert.Equal(1, cloud.Calls.ThrottledOf("DescribeTargetGroups"));  // ELBv2's account bucket is shared by every action
        Assert.Equal(2, cloud.Calls.Throttled);

        cloud.Calls.Reset();
        Assert.Equal(0, cloud.Calls.Throttled);
    }

    [Fact]
    public async Task Throttled_ErrorXml_IsEachServicesShape()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { Throttling = LocalCloudThrottling.Fixed(1, 0) });
        using var query = new SignedQuery(cloud);
        await query.Ec2Async("Action=DescribeSubnets");
        await query.Elbv2Async("Action=DescribeListeners");

        var (ec2Status, ec2Body) = await query.Ec2Async("Action=DescribeSubnets");
        var (elbStatus, elbBody) = await query.Elbv2Async("Action=DescribeListeners");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ec2Status);
        Assert.Equal("Response", ec2Body.Root!.Name.LocalName);
        Assert.Equal("RequestLimitExceeded", ec2Body.Root.Element("Errors")!.Element("Error")!.Element("Code")!.Value);
        Assert.NotNull(ec2Body.Root.Element("RequestID"));
        Assert.Equal(HttpStatusCode.BadRequest, elbStatus);
        var error = elbBody.Root!.Elements().Single(e => e.Name.LocalName == "Error");
        Assert.Equal("ErrorResponse", elbBody.Root.Name.LocalName);
        Assert.Equal(
            ("Sender", "Throttling", "Rate exceeded"),
            (error.Elements().Single(e => e.Name.LocalName == "Type").Value, SignedQuery.Code(elbBody), error.Elements().Single(e => e.Name.LocalName == "Message").Value));
    }

    [Fact]
    public async Task ThrottledCreate_HasNoSideEffect()
    {
        var (cloud, ec2, elb) = await StartAsync(new LocalCloudOptions { Throttling = LocalCloudThrottling.Fixed(2, 0) });
        await using var _ = cloud;
        using var __ = ec2;
        using var ___ = elb;
        var vpcId = await CloudHelpers.DefaultVpcIdAsync(ec2);

        Task CreateGroupAsync(string name) => ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = name, Description = name, VpcId = vpcId });
        await CreateGroupAsync("first");
        await CreateGroupAsync("second");
        var groupError = await Assert.ThrowsAsync<AmazonEC2Exception>(() => CreateGroupAsync("third"));
        foreach (var name in new[] { "tg-1", "tg-2", "tg-3" })
        {
            try
            {
                await elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest { Name = name, Protocol = ProtocolEnum.HTTP, Port = 80, VpcId = vpcId });
            }
            catch (AmazonElasticLoadBalancingV2Exception ex) when (ex.ErrorCode == "Throttling")
            {
            }
        }

        Assert.Equal("RequestLimitExceeded", groupError.ErrorCode);
        var inventory = cloud.GetInventory();
        Assert.Equal(2, inventory.SecurityGroups.Count);
        Assert.Equal(2, inventory.TargetGroups.Count);
        Assert.Equal(1, cloud.Calls.ThrottledOf("CreateTargetGroup"));
    }

    [Fact]
    public async Task SdkRetriesThrottledCalls_AndSucceedsOnceTheBucketRefills()
    {
        // One token, ten a second of the real clock: after the first call, six calls at once cannot all pass in 500 ms.
        var (cloud, ec2, elb) = await StartAsync(new LocalCloudOptions { Throttling = LocalCloudThrottling.Fixed(1, 10) }, maxErrorRetry: 10);
        await using var _ = cloud;
        using var __ = ec2;
        using var ___ = elb;
        await ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest());

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest())));

        Assert.All(responses, r => Assert.Equal(6, r.AvailabilityZones.Count));
        Assert.True(cloud.Calls.ThrottledOf("DescribeAvailabilityZones") >= 1, "at least one call was throttled and retried");
        Assert.Equal(7 + cloud.Calls.ThrottledOf("DescribeAvailabilityZones"), cloud.Calls["DescribeAvailabilityZones"]);
    }

    [Fact]
    public async Task Instant_ByDefault_ThrottlesNothing_BeyondAwsCapacities()
    {
        var (cloud, ec2, elb) = await StartAsync(new LocalCloudOptions());
        await using var _ = cloud;
        using var __ = ec2;
        using var ___ = elb;

        for (var i = 0; i < 60; i++)
        {
            await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest()); // AWS: 50 unfiltered
        }

        for (var i = 0; i < 45; i++)
        {
            await elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest()); // AWS: 40 for the account
        }

        Assert.Equal(0, cloud.Calls.Throttled);
        Assert.Equal(LocalCloudThrottling.Aws, new LocalCloudOptions().Throttling);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.02)]
    public async Task Realistic_ByDefault_AwsCapacity_RefillScaledByTheProfile(double timeScale)
    {
        // A fake clock holds the buckets still; the signer's clock is real, so signatures are not checked here.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (cloud, ec2, elb) = await StartAsync(new LocalCloudOptions { LatencyProfile = LatencyProfile.Realistic(timeScale), TimeProvider = time, VerifySignatures = false });
        await using var _ = cloud;
        using var __ = ec2;
        using var ___ = elb;

        for (var i = 0; i < 40; i++)
        {
            await elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest()); // AWS: 40 for the account
        }

        await Assert.ThrowsAsync<AmazonElasticLoadBalancingV2Exception>(() => elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest()));

        // ELBv2's account bucket refills 10 tokens a simulated second: 3 ms is 1.5 tokens on Realistic(0.02), 0.03 on AWS's pace.
        time.Advance(TimeSpan.FromMilliseconds(3));
        if (timeScale == 1.0)
        {
            await Assert.ThrowsAsync<AmazonElasticLoadBalancingV2Exception>(() => elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest()));
            time.Advance(TimeSpan.FromMilliseconds(150));
        }

        await elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest());
        Assert.Equal(timeScale == 1.0 ? 2 : 1, cloud.Calls.ThrottledOf("DescribeLoadBalancers"));
    }

    [Fact]
    public async Task DataPlane_IsNeverThrottled()
    {
        var (cloud, ec2, elb) = await StartAsync(new LocalCloudOptions { Throttling = LocalCloudThrottling.Fixed(300, 0) }, maxErrorRetry: 0);
        await using var _ = cloud;
        using var __ = ec2;
        using var ___ = elb;
        using var http = new HttpClient(cloud.CreateHttpMessageHandler()) { Timeout = TimeSpan.FromSeconds(10) };
        var lab = await Lab.CreateAsync(ec2, elb, "throttled", instances: 1);
        await lab.WaitActiveAsync(elb);
        await lab.WaitForHealthAsync(elb, h => h.Values.All(t => t.State == "healthy"), "healthy");

        // Spend the account's ELBv2 bucket: every control-plane call is throttled now.
        var spent = 0;
        while (spent < 2000)
        {
            spent++;
            try
            {
                await elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest());
            }
            catch (AmazonElasticLoadBalancingV2Exception ex) when (ex.ErrorCode == "Throttling")
            {
                break;
            }
        }

        var pages = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            pages.Add(await http.GetStringAsync(new Uri($"http://{lab.DnsName}/")));
        }

        Assert.True(cloud.Calls.ThrottledOf("DescribeLoadBalancers") >= 1);
        Assert.All(pages, p => Assert.Contains("Hello World from", p, StringComparison.Ordinal));
    }
}
