using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.LocalCloud.Tests.Cloud;

public sealed class FaultTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private LocalCloud _cloud = null!;
    private IAmazonEC2 _ec2 = null!;
    private IAmazonElasticLoadBalancingV2 _elb = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync(new LocalCloudOptions { TimeProvider = _time, VerifySignatures = false /* the fake clock is years off the SDK signer's */ });
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
    public async Task FailNext_GivenCodeAndStatus_ThenServedNormally()
    {
        _cloud.Faults.FailNext("DescribeVpcs", 1, "UnauthorizedOperation", 403, "not allowed");

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeVpcsAsync(new DescribeVpcsRequest()));
        var next = await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest());

        Assert.Equal("UnauthorizedOperation", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("not allowed", error.Message);
        Assert.Single(next.Vpcs);
        Assert.Equal(2, _cloud.Calls["DescribeVpcs"]);
    }

    [Fact]
    public async Task Throttle_Ec2RequestLimitExceeded503_Elbv2Throttling400()
    {
        _cloud.Faults.Throttle("DescribeInstances");
        _cloud.Faults.Throttle("DescribeLoadBalancers");

        var ec2 = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest()));
        var elb = await Assert.ThrowsAsync<AmazonElasticLoadBalancingV2Exception>(() => _elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest()));

        Assert.Equal(("RequestLimitExceeded", System.Net.HttpStatusCode.ServiceUnavailable), (ec2.ErrorCode, ec2.StatusCode));
        Assert.Equal(("Throttling", System.Net.HttpStatusCode.BadRequest), (elb.ErrorCode, elb.StatusCode));
    }

    [Fact]
    public async Task Throttle_SdkRetries_SucceedsAndEveryAttemptIsCounted()
    {
        using var retrying = _cloud.CreateEc2Client();
        _cloud.Faults.Throttle("DescribeAvailabilityZones", 1);

        var response = await retrying.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest());

        Assert.Equal(6, response.AvailabilityZones.Count);
        Assert.Equal(2, _cloud.Calls["DescribeAvailabilityZones"]);
        Assert.Equal(2, _cloud.Calls["ec2:DescribeAvailabilityZones"]);
    }

    [Fact]
    public async Task InternalError_500()
    {
        _cloud.Faults.InternalError("DescribeSubnets");

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest()));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
    }

    [Fact]
    public async Task NotFound_EventualConsistency_OperationSpecificCode()
    {
        var id = (await CloudHelpers.RunAsync(_ec2, 1))[0].InstanceId;
        _cloud.Faults.NotFound("DescribeInstances");
        _cloud.Faults.NotFound("DescribeTargetGroups");

        var ec2 = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [id] }));
        var elb = await Assert.ThrowsAsync<Elb.TargetGroupNotFoundException>(() => _elb.DescribeTargetGroupsAsync(new Elb.DescribeTargetGroupsRequest()));
        var visible = await CloudHelpers.DescribeAsync(_ec2, id);

        Assert.Equal("InvalidInstanceID.NotFound", ec2.ErrorCode);
        Assert.Equal("TargetGroupNotFound", elb.ErrorCode);
        Assert.Equal(id, visible.InstanceId);
    }

    [Fact]
    public async Task Delay_OnTheCloudsClock_AnswersOnlyAfterTimeAdvances()
    {
        _cloud.Faults.Delay("DescribeVpcs", TimeSpan.FromSeconds(30));

        var call = _ec2.DescribeVpcsAsync(new DescribeVpcsRequest());
        await Poll.UntilAsync(() => _cloud.Calls["DescribeVpcs"] == 1, "request received");
        Assert.False(call.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(30));
        var response = await call;

        Assert.Single(response.Vpcs);
    }

    [Fact]
    public async Task QualifiedOperation_OnlyThatServiceFails()
    {
        _cloud.Faults.FailNext("elasticloadbalancing:DescribeTags", 1, "Throttling");

        var ec2Tags = await _ec2.DescribeTagsAsync(new DescribeTagsRequest());
        var error = await Assert.ThrowsAsync<AmazonElasticLoadBalancingV2Exception>(() =>
            _elb.DescribeTagsAsync(new Elb.DescribeTagsRequest { ResourceArns = ["arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/x/0123456789abcdef"] }));

        Assert.Empty(ec2Tags.Tags ?? []);
        Assert.Equal("Throttling", error.ErrorCode);
        Assert.Equal(1, _cloud.Calls["ec2:DescribeTags"]);
        Assert.Equal(1, _cloud.Calls["elasticloadbalancing:DescribeTags"]);
        Assert.Equal(2, _cloud.Calls["DescribeTags"]);
    }
}
