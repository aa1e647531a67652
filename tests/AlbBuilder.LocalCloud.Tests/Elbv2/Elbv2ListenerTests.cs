using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.LocalCloud.Tests.Cloud;
using Amazon.EC2;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.LocalCloud.Tests.Elbv2;

public sealed class Elbv2ListenerTests : IAsyncLifetime
{
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

    private Task<Elb.CreateListenerResponse> CreateAsync(Lab lab, int port, string? targetGroupArn = null) =>
        _elb.CreateListenerAsync(new Elb.CreateListenerRequest
        {
            LoadBalancerArn = lab.LoadBalancerArn,
            Protocol = ProtocolEnum.HTTP,
            Port = port,
            DefaultActions = [new Elb.Action { Type = ActionTypeEnum.Forward, TargetGroupArn = targetGroupArn ?? lab.TargetGroupArn }],
        });

    [Fact]
    public async Task CreateListener_DescribedWithForwardAction()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "listen", instances: 1);

        var listeners = await _elb.DescribeListenersAsync(new Elb.DescribeListenersRequest { LoadBalancerArn = lab.LoadBalancerArn });

        var listener = Assert.Single(listeners.Listeners!);
        Assert.Equal(lab.ListenerArn, listener.ListenerArn);
        Assert.Matches(@"^arn:aws:elasticloadbalancing:us-east-1:\d{12}:listener/app/listen-alb/[0-9a-f]{16}/[0-9a-f]{16}$", listener.ListenerArn);
        Assert.Equal(80, listener.Port);
        Assert.Equal(ProtocolEnum.HTTP, listener.Protocol);
        var action = Assert.Single(listener.DefaultActions!);
        Assert.Equal(ActionTypeEnum.Forward, action.Type);
        Assert.Equal(lab.TargetGroupArn, action.TargetGroupArn);
    }

    [Fact]
    public async Task CreateListener_SamePortSameAction_Idempotent_DifferentAction_DuplicateListener()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "dup", instances: 1);
        var other = (await _elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest
        {
            Name = "dup-other",
            Protocol = ProtocolEnum.HTTP,
            Port = 80,
            VpcId = await CloudHelpers.DefaultVpcIdAsync(_ec2),
        })).TargetGroups![0];

        var same = (await CreateAsync(lab, 80)).Listeners![0];
        var error = await Assert.ThrowsAsync<Elb.DuplicateListenerException>(() => CreateAsync(lab, 80, other.TargetGroupArn));

        Assert.Equal(lab.ListenerArn, same.ListenerArn);
        Assert.Equal("DuplicateListener", error.ErrorCode);
    }

    [Fact]
    public async Task CreateListener_UnknownLoadBalancerOrTargetGroup_NotFound()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "nf", instances: 1);

        var noTargetGroup = await Assert.ThrowsAsync<Elb.TargetGroupNotFoundException>(() =>
            CreateAsync(lab, 81, "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/x/0123456789abcdef"));
        var noLoadBalancer = await Assert.ThrowsAsync<Elb.LoadBalancerNotFoundException>(() => _elb.CreateListenerAsync(new Elb.CreateListenerRequest
        {
            LoadBalancerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/x/0123456789abcdef",
            Protocol = ProtocolEnum.HTTP,
            Port = 80,
            DefaultActions = [new Elb.Action { Type = ActionTypeEnum.Forward, TargetGroupArn = lab.TargetGroupArn }],
        }));

        Assert.Equal("TargetGroupNotFound", noTargetGroup.ErrorCode);
        Assert.Equal("LoadBalancerNotFound", noLoadBalancer.ErrorCode);
    }

    [Fact]
    public async Task DeleteListener_Twice_ListenerNotFound()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "del", instances: 1);

        await _elb.DeleteListenerAsync(new Elb.DeleteListenerRequest { ListenerArn = lab.ListenerArn });
        var error = await Assert.ThrowsAsync<Elb.ListenerNotFoundException>(() => _elb.DeleteListenerAsync(new Elb.DeleteListenerRequest { ListenerArn = lab.ListenerArn }));
        var described = await Assert.ThrowsAsync<Elb.ListenerNotFoundException>(() =>
            _elb.DescribeListenersAsync(new Elb.DescribeListenersRequest { ListenerArns = [lab.ListenerArn] }));

        Assert.Equal("ListenerNotFound", error.ErrorCode);
        Assert.Equal("ListenerNotFound", described.ErrorCode);
        Assert.Empty(_cloud.GetInventory().Listeners);
    }

    [Fact]
    public async Task DeleteLoadBalancer_RemovesItsListeners()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "cascade", instances: 1);

        await _elb.DeleteLoadBalancerAsync(new Elb.DeleteLoadBalancerRequest { LoadBalancerArn = lab.LoadBalancerArn });
        await Poll.UntilAsync(() => _cloud.GetInventory().LoadBalancers.Count == 0, "load balancer gone");

        Assert.Empty(_cloud.GetInventory().Listeners);
        await _elb.DeleteTargetGroupAsync(new Elb.DeleteTargetGroupRequest { TargetGroupArn = lab.TargetGroupArn });
    }

    [Fact]
    public async Task ListenerTags_AddAndDescribe()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "ltags", instances: 1);

        await _elb.AddTagsAsync(new Elb.AddTagsRequest { ResourceArns = [lab.ListenerArn, lab.TargetGroupArn], Tags = [new Elb.Tag { Key = "k", Value = "v" }] });
        var described = await _elb.DescribeTagsAsync(new Elb.DescribeTagsRequest { ResourceArns = [lab.ListenerArn, lab.TargetGroupArn] });

        Assert.Equal([lab.ListenerArn, lab.TargetGroupArn], described.TagDescriptions!.Select(d => d.ResourceArn));
        Assert.All(described.TagDescriptions!, d => Assert.Equal("v", Assert.Single(d.Tags!).Value));
    }
}
