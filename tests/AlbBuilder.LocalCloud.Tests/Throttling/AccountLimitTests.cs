using System.Net;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.LocalCloud.Tests.Cloud;
using AlbBuilder.LocalCloud.Tests.Hardening;
using Amazon.EC2;
using Amazon.EC2.Model;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.LocalCloud.Tests.Throttling;

/// <summary>Issue 15: the account limits a quota pre-flight reads (DescribeAccountLimits, DescribeAccountAttributes) and their enforcement.</summary>
public sealed class AccountLimitTests
{
    private static async Task<Dictionary<string, string>> AccountLimitsAsync(SignedQuery query, int? pageSize = null)
    {
        var limits = new Dictionary<string, string>(StringComparer.Ordinal);
        string? marker = null;
        var pages = 0;
        do
        {
            var form = "Action=DescribeAccountLimits" + (pageSize is { } size ? $"&PageSize={size}" : string.Empty)
                + (marker is null ? string.Empty : "&Marker=" + Uri.EscapeDataString(marker));
            var (status, body) = await query.Elbv2Async(form);
            Assert.Equal(HttpStatusCode.OK, status);
            foreach (var member in body.Descendants().Where(e => e.Name.LocalName == "member"))
            {
                limits.Add(member.Elements().Single(e => e.Name.LocalName == "Name").Value, member.Elements().Single(e => e.Name.LocalName == "Max").Value);
            }

            marker = body.Descendants().SingleOrDefault(e => e.Name.LocalName == "NextMarker")?.Value;
            pages++;
        }
        while (marker is not null && pages < 20);

        return limits;
    }

    [Fact]
    public async Task DescribeAccountLimits_AwsNamesAndDefaults_PagedWithMarker()
    {
        await using var cloud = await LocalCloud.StartAsync();
        using var query = new SignedQuery(cloud);

        var all = await AccountLimitsAsync(query);
        var paged = await AccountLimitsAsync(query, pageSize: 3);

        Assert.Equal("50", all["application-load-balancers"]);
        Assert.Equal("3000", all["target-groups"]);
        Assert.Equal("1000", all["targets-per-application-load-balancer"]);
        Assert.Equal("50", all["listeners-per-application-load-balancer"]);
        Assert.Equal("100", all["rules-per-application-load-balancer"]);
        Assert.Equal("100", all["target-groups-per-application-load-balancer"]);
        Assert.Equal("5", all["target-groups-per-action-on-application-load-balancer"]);
        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task DescribeAccountLimits_ShowsTheConfiguredLimits()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { LoadBalancerLimit = 3, TargetGroupLimit = 7 });
        using var query = new SignedQuery(cloud);

        var limits = await AccountLimitsAsync(query);

        Assert.Equal(("3", "7"), (limits["application-load-balancers"], limits["target-groups"]));
        Assert.Equal(1, cloud.Calls["DescribeAccountLimits"]);
    }

    [Fact]
    public async Task DescribeAccountAttributes_AwsNames_DefaultVpc_AndAttributeNameFilter()
    {
        await using var cloud = await LocalCloud.StartAsync();
        using var ec2 = cloud.CreateEc2Client();
        var vpcId = await CloudHelpers.DefaultVpcIdAsync(ec2);

        var all = (await ec2.DescribeAccountAttributesAsync(new DescribeAccountAttributesRequest())).AccountAttributes
            .ToDictionary(a => a.AttributeName, a => a.AttributeValues.Select(v => v.AttributeValue).Single());
        var some = (await ec2.DescribeAccountAttributesAsync(new DescribeAccountAttributesRequest { AttributeNames = ["default-vpc", "max-elastic-ips"] })).AccountAttributes;
        var unknown = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeAccountAttributesAsync(new DescribeAccountAttributesRequest { AttributeNames = ["max-lab-count"] }));

        Assert.Equal(
            ["supported-platforms", "default-vpc", "max-instances", "vpc-max-security-groups-per-interface", "max-elastic-ips", "vpc-max-elastic-ips"],
            all.Keys);
        Assert.Equal(("VPC", vpcId, "5"), (all["supported-platforms"], all["default-vpc"], all["vpc-max-security-groups-per-interface"]));
        Assert.Equal(["default-vpc", "max-elastic-ips"], some.Select(a => a.AttributeName));
        Assert.Equal(("InvalidParameterValue", HttpStatusCode.BadRequest), (unknown.ErrorCode, unknown.StatusCode));
    }

    [Fact]
    public async Task LoadBalancerAndTargetGroupLimits_TooManyLoadBalancers_TooManyTargetGroups_NothingCreated()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { LoadBalancerLimit = 1, TargetGroupLimit = 1 });
        using var ec2 = cloud.CreateEc2Client();
        using var elb = new AmazonElasticLoadBalancingV2Client(cloud.Credentials, cloud.ConfigureElasticLoadBalancingV2(new AmazonElasticLoadBalancingV2Config { MaxErrorRetry = 0 }));
        var subnets = await CloudHelpers.DefaultSubnetsAsync(ec2);
        Task<Elb.CreateLoadBalancerResponse> CreateLoadBalancerAsync(string name) =>
            elb.CreateLoadBalancerAsync(new Elb.CreateLoadBalancerRequest { Name = name, Subnets = [subnets[0].SubnetId, subnets[1].SubnetId] });
        Task<Elb.CreateTargetGroupResponse> CreateTargetGroupAsync(string name) =>
            elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest { Name = name, Protocol = ProtocolEnum.HTTP, Port = 80, VpcId = subnets[0].VpcId });

        await CreateLoadBalancerAsync("lb-1");
        await CreateTargetGroupAsync("tg-1");
        var lb = await Assert.ThrowsAsync<Elb.TooManyLoadBalancersException>(() => CreateLoadBalancerAsync("lb-2"));
        var tg = await Assert.ThrowsAsync<Elb.TooManyTargetGroupsException>(() => CreateTargetGroupAsync("tg-2"));
        await CreateLoadBalancerAsync("lb-1"); // the same create again is idempotent, not a second load balancer

        Assert.Equal(("TooManyLoadBalancers", HttpStatusCode.BadRequest), (lb.ErrorCode, lb.StatusCode));
        Assert.Equal(("TooManyTargetGroups", HttpStatusCode.BadRequest), (tg.ErrorCode, tg.StatusCode));
        Assert.Single(cloud.GetInventory().LoadBalancers);
        Assert.Single(cloud.GetInventory().TargetGroups);
    }

    [Fact]
    public async Task SecurityGroupLimit_CountsTheDefaultGroup_SecurityGroupLimitExceeded_NothingCreated()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { SecurityGroupLimit = 3 });
        using var ec2 = new AmazonEC2Client(cloud.Credentials, cloud.ConfigureEc2(new AmazonEC2Config { MaxErrorRetry = 0 }));

        await CloudHelpers.CreateGroupAsync(ec2, "one");
        await CloudHelpers.CreateGroupAsync(ec2, "two");
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => CloudHelpers.CreateGroupAsync(ec2, "three"));

        Assert.Equal(("SecurityGroupLimitExceeded", HttpStatusCode.BadRequest), (error.ErrorCode, error.StatusCode));
        Assert.Equal(2, cloud.GetInventory().SecurityGroups.Count);
    }

    [Fact]
    public async Task Limits_BelowTheirMinimum_AreRejectedAtStart()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => LocalCloud.StartAsync(new LocalCloudOptions { SecurityGroupLimit = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => LocalCloud.StartAsync(new LocalCloudOptions { LoadBalancerLimit = -1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => LocalCloud.StartAsync(new LocalCloudOptions { Throttling = null! }));
    }
}
