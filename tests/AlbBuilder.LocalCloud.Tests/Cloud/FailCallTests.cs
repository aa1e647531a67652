using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Amazon.EC2.Model;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.LocalCloud.Tests.Cloud;

/// <summary><see cref="LocalCloudFaults.FailCall"/>: one call of an operation, counted from now, fails.</summary>
public sealed class FailCallTests : IAsyncLifetime
{
    private LocalCloud _cloud = null!;
    private IAmazonEC2 _ec2 = null!;
    private IAmazonElasticLoadBalancingV2 _elb = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync();
        _ec2 = new AmazonEC2Client(_cloud.Credentials, _cloud.ConfigureEc2(new AmazonEC2Config { MaxErrorRetry = 0 }));
        _elb = new AmazonElasticLoadBalancingV2Client(_cloud.Credentials, _cloud.ConfigureElasticLoadBalancingV2(new AmazonElasticLoadBalancingV2Config { MaxErrorRetry = 0 }));
    }

    public async Task DisposeAsync()
    {
        _elb.Dispose();
        _ec2.Dispose();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task FailCall_Third_ServesTheFirstTwoFailsTheThirdThenServesAgain()
    {
        _cloud.Faults.FailCall("DescribeVpcs", 3, "UnauthorizedOperation", 403, "not allowed");

        await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest());
        await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest());
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeVpcsAsync(new DescribeVpcsRequest()));
        var fourth = await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest());

        Assert.Equal(("UnauthorizedOperation", System.Net.HttpStatusCode.Forbidden, "not allowed"), (error.ErrorCode, error.StatusCode, error.Message));
        Assert.Single(fourth.Vpcs);
        Assert.Equal(4, _cloud.Calls["DescribeVpcs"]);
    }

    [Fact]
    public async Task FailCall_CallsFailedOrDelayedByQueuedFaultsCountOnce()
    {
        _cloud.Faults.FailNext("DescribeSubnets", 1, "Blocked");
        _cloud.Faults.FailCall("DescribeSubnets", 3, "ThirdCall");
        _cloud.Faults.Delay("DescribeSubnets", TimeSpan.FromMilliseconds(1));

        var first = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest()));
        await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest()); // delayed, then served
        var third = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest()));

        Assert.Equal(("Blocked", "ThirdCall"), (first.ErrorCode, third.ErrorCode));
    }

    [Fact]
    public async Task FailCall_QualifiedName_CountsOnlyThatServicesCalls()
    {
        var vpcId = await CloudHelpers.DefaultVpcIdAsync(_ec2);
        var targetGroup = (await _elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest { Name = "tags", Protocol = ProtocolEnum.HTTP, Port = 80, VpcId = vpcId })).TargetGroups![0].TargetGroupArn!;
        _cloud.Faults.FailCall("ec2:DescribeTags", 2, "Boom");

        await _ec2.DescribeTagsAsync(new DescribeTagsRequest());
        await _elb.DescribeTagsAsync(new Elb.DescribeTagsRequest { ResourceArns = [targetGroup] });
        await _elb.DescribeTagsAsync(new Elb.DescribeTagsRequest { ResourceArns = [targetGroup] });
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeTagsAsync(new DescribeTagsRequest()));

        Assert.Equal("Boom", error.ErrorCode);
    }

    [Fact]
    public void FailCall_CallNumberNotPositive_Throws() =>
        Assert.Throws<ArgumentException>(() => _cloud.Faults.FailCall("RunInstances", 0, "Boom"));

    [Fact]
    public async Task Clear_RemovesCountedFaults()
    {
        _cloud.Faults.FailCall("DescribeVpcs", 1, "Boom");

        _cloud.Faults.Clear();

        Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs);
    }
}
