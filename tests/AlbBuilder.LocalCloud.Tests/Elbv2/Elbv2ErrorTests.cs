using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.LocalCloud.Tests.Cloud;
using Amazon.EC2;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.LocalCloud.Tests.Elbv2;

/// <summary>The remaining error paths of each ELBv2 operation, with the typed exceptions of our client.</summary>
public sealed class Elbv2ErrorTests : IAsyncLifetime
{
    private const string MissingLoadBalancer = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/x/0123456789abcdef";
    private const string MissingTargetGroup = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/x/0123456789abcdef";
    private LocalCloud _cloud = null!;
    private IAmazonEC2 _ec2 = null!;
    private IAmazonElasticLoadBalancingV2 _elb = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync();
        _ec2 = _cloud.CreateEc2Client();
        _elb = _cloud.CreateElasticLoadBalancingV2Client();
    }

    public async Task DisposeAsync()
    {
        _elb.Dispose();
        _ec2.Dispose();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task Attributes_UnknownResources_NotFound()
    {
        var lb = await Assert.ThrowsAsync<Elb.LoadBalancerNotFoundException>(() =>
            _elb.DescribeLoadBalancerAttributesAsync(new Elb.DescribeLoadBalancerAttributesRequest { LoadBalancerArn = MissingLoadBalancer }));
        var tg = await Assert.ThrowsAsync<Elb.TargetGroupNotFoundException>(() =>
            _elb.DescribeTargetGroupAttributesAsync(new Elb.DescribeTargetGroupAttributesRequest { TargetGroupArn = MissingTargetGroup }));
        var modify = await Assert.ThrowsAsync<Elb.TargetGroupNotFoundException>(() => _elb.ModifyTargetGroupAttributesAsync(new Elb.ModifyTargetGroupAttributesRequest
        {
            TargetGroupArn = MissingTargetGroup,
            Attributes = [new Elb.TargetGroupAttribute { Key = "deregistration_delay.timeout_seconds", Value = "0" }],
        }));

        Assert.Equal("LoadBalancerNotFound", lb.ErrorCode);
        Assert.Equal("TargetGroupNotFound", tg.ErrorCode);
        Assert.Equal("TargetGroupNotFound", modify.ErrorCode);
    }

    [Fact]
    public async Task MalformedArn_ValidationError()
    {
        var error = await Assert.ThrowsAsync<Elb.ValidationErrorException>(() =>
            _elb.DescribeLoadBalancerAttributesAsync(new Elb.DescribeLoadBalancerAttributesRequest { LoadBalancerArn = "not-an-arn" }));

        Assert.Equal("ValidationError", error.ErrorCode);
    }

    [Fact]
    public async Task CreateLoadBalancer_UnknownSecurityGroup_InvalidSecurityGroup()
    {
        var subnets = await CloudHelpers.DefaultSubnetsAsync(_ec2);

        var error = await Assert.ThrowsAsync<Elb.InvalidSecurityGroupException>(() => _elb.CreateLoadBalancerAsync(new Elb.CreateLoadBalancerRequest
        {
            Name = "badsg",
            Subnets = [subnets[0].SubnetId, subnets[1].SubnetId],
            SecurityGroups = ["sg-0123456789abcdef0"],
        }));

        Assert.Equal("InvalidSecurityGroup", error.ErrorCode);
        Assert.Empty(_cloud.GetInventory().LoadBalancers);
    }

    [Fact]
    public async Task CreateTargetGroup_NoVpc_ValidationError()
    {
        var error = await Assert.ThrowsAsync<Elb.ValidationErrorException>(() =>
            _elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest { Name = "novpc", Protocol = ProtocolEnum.HTTP, Port = 80 }));

        Assert.Equal("ValidationError", error.ErrorCode);
    }

    [Fact]
    public async Task CreateListener_HttpsWithoutCertificate_CertificateNotFound()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "https", instances: 1);

        var error = await Assert.ThrowsAsync<Elb.CertificateNotFoundException>(() => _elb.CreateListenerAsync(new Elb.CreateListenerRequest
        {
            LoadBalancerArn = lab.LoadBalancerArn,
            Protocol = ProtocolEnum.HTTPS,
            Port = 443,
            DefaultActions = [new Elb.Action { Type = ActionTypeEnum.Forward, TargetGroupArn = lab.TargetGroupArn }],
        }));

        Assert.Equal("CertificateNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task CreateListener_TargetGroupOfAnotherLoadBalancer_TargetGroupAssociationLimit()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "first", instances: 1);
        var subnets = await CloudHelpers.DefaultSubnetsAsync(_ec2);
        var second = (await _elb.CreateLoadBalancerAsync(new Elb.CreateLoadBalancerRequest
        {
            Name = "second",
            Subnets = [subnets[1].SubnetId, subnets[2].SubnetId],
        })).LoadBalancers![0];

        var error = await Assert.ThrowsAsync<Elb.TargetGroupAssociationLimitException>(() => _elb.CreateListenerAsync(new Elb.CreateListenerRequest
        {
            LoadBalancerArn = second.LoadBalancerArn,
            Protocol = ProtocolEnum.HTTP,
            Port = 80,
            DefaultActions = [new Elb.Action { Type = ActionTypeEnum.Forward, TargetGroupArn = lab.TargetGroupArn }],
        }));

        Assert.Equal("TargetGroupAssociationLimit", error.ErrorCode);
    }

    [Fact]
    public async Task DescribeListeners_NeitherArnNorLoadBalancer_ValidationError()
    {
        var error = await Assert.ThrowsAsync<Elb.ValidationErrorException>(() => _elb.DescribeListenersAsync(new Elb.DescribeListenersRequest()));

        Assert.Equal("ValidationError", error.ErrorCode);
    }

    [Fact]
    public async Task Tags_UnknownTargetGroup_NotFound_TooMany_TooManyTags()
    {
        var group = (await _elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest
        {
            Name = "tags",
            Protocol = ProtocolEnum.HTTP,
            Port = 80,
            VpcId = await CloudHelpers.DefaultVpcIdAsync(_ec2),
        })).TargetGroups![0];

        var missing = await Assert.ThrowsAsync<Elb.TargetGroupNotFoundException>(() =>
            _elb.RemoveTagsAsync(new Elb.RemoveTagsRequest { ResourceArns = [MissingTargetGroup], TagKeys = ["a"] }));
        var tooMany = await Assert.ThrowsAsync<Elb.TooManyTagsException>(() => _elb.AddTagsAsync(new Elb.AddTagsRequest
        {
            ResourceArns = [group.TargetGroupArn!],
            Tags = [.. Enumerable.Range(0, 51).Select(i => new Elb.Tag { Key = "k" + i, Value = "v" })],
        }));
        var duplicate = await Assert.ThrowsAsync<Elb.DuplicateTagKeysException>(() => _elb.AddTagsAsync(new Elb.AddTagsRequest
        {
            ResourceArns = [group.TargetGroupArn!],
            Tags = [new Elb.Tag { Key = "k", Value = "1" }, new Elb.Tag { Key = "k", Value = "2" }],
        }));

        Assert.Equal("TargetGroupNotFound", missing.ErrorCode);
        Assert.Equal("TooManyTags", tooMany.ErrorCode);
        Assert.Equal("DuplicateTagKeys", duplicate.ErrorCode);
    }

    [Fact]
    public async Task PageSize_OutOfRange_ValidationError()
    {
        var error = await Assert.ThrowsAsync<Elb.ValidationErrorException>(() =>
            _elb.DescribeTargetGroupsAsync(new Elb.DescribeTargetGroupsRequest { PageSize = 401 }));

        Assert.Equal("ValidationError", error.ErrorCode);
    }
}
