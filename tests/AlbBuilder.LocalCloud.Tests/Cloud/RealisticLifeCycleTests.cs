using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.LocalCloud.Tests.Cloud;

/// <summary>The Realistic profile's latencies, driven by a fake clock (no real waiting).</summary>
public sealed class RealisticLifeCycleTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private LocalCloud _cloud = null!;
    private IAmazonEC2 _ec2 = null!;
    private IAmazonElasticLoadBalancingV2 _elb = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync(new LocalCloudOptions { LatencyProfile = LatencyProfile.Realistic(1), TimeProvider = _time, VerifySignatures = false /* the fake clock is years off the SDK signer's */ });
        _ec2 = _cloud.CreateEc2Client();
        _elb = _cloud.CreateElasticLoadBalancingV2Client();
    }

    public async Task DisposeAsync()
    {
        _elb.Dispose();
        _ec2.Dispose();
        await _cloud.DisposeAsync();
    }

    private async Task<string> StateAsync(string id) => (await CloudHelpers.DescribeAsync(_ec2, id)).State.Name.Value;

    [Fact]
    public void Realistic_ScalesEveryLatency()
    {
        var tenth = LatencyProfile.Realistic(0.1);

        Assert.Equal(TimeSpan.FromSeconds(12), tenth.LoadBalancerProvisioning);
        Assert.Equal(TimeSpan.FromSeconds(2), tenth.InstancePending);
        Assert.Equal(TimeSpan.FromSeconds(6), tenth.WebServerReady);
        Assert.Equal(TimeSpan.FromSeconds(3), tenth.LoadBalancerDeletion);
        Assert.Equal(TimeSpan.FromSeconds(1), tenth.InstanceStopping);
        Assert.Equal(TimeSpan.FromSeconds(0.5), tenth.Configured(TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromMilliseconds(50), LatencyProfile.Instant.Configured(TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromMilliseconds(20), LatencyProfile.Instant.Configured(TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.Zero, LatencyProfile.Instant.InstancePending);
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyProfile.Realistic(-1));
    }

    [Fact]
    public async Task Instance_PendingFor20s_StoppingFor10s_ShuttingDownFor10s()
    {
        var id = (await CloudHelpers.RunAsync(_ec2, 1))[0].InstanceId;

        _time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal("pending", await StateAsync(id));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("running", await StateAsync(id));

        await _ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] });
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal("stopping", await StateAsync(id));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("stopped", await StateAsync(id));

        await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
        Assert.Equal("shutting-down", await StateAsync(id));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("terminated", await StateAsync(id));

        // Terminated instances stay visible for a while, then disappear.
        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal("terminated", await StateAsync(id));
        _time.Advance(TimeSpan.FromMinutes(31));
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => StateAsync(id));
        Assert.Equal("InvalidInstanceID.NotFound", error.ErrorCode);
    }

    [Fact]
    public async Task LoadBalancer_ProvisioningFor120s_DeletionVisibleFor30s_GroupLingers60s()
    {
        var subnets = await CloudHelpers.DefaultSubnetsAsync(_ec2);
        var group = await CloudHelpers.CreateGroupAsync(_ec2, "alb");
        var arn = (await _elb.CreateLoadBalancerAsync(new Elb.CreateLoadBalancerRequest
        {
            Name = "slow",
            Subnets = [subnets[0].SubnetId, subnets[2].SubnetId],
            SecurityGroups = [group],
        })).LoadBalancers![0].LoadBalancerArn!;

        async Task<string> LbState() =>
            (await _elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest { LoadBalancerArns = [arn] })).LoadBalancers![0].State!.Code!.Value;

        Assert.Equal("provisioning", await LbState());
        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal("provisioning", await LbState());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("active", await LbState());

        await _elb.DeleteLoadBalancerAsync(new Elb.DeleteLoadBalancerRequest { LoadBalancerArn = arn });
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("active", await LbState());
        _time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<Elb.LoadBalancerNotFoundException>(LbState);

        var lingering = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group }));
        Assert.Equal("DependencyViolation", lingering.ErrorCode);
        _time.Advance(TimeSpan.FromSeconds(60));
        await _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group });
        Assert.True(_cloud.GetInventory().IsEmpty, _cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task Targets_WhileLoadBalancerProvisions_InitialRegistrationInProgress()
    {
        var subnets = await CloudHelpers.DefaultSubnetsAsync(_ec2);
        var id = (await CloudHelpers.RunAsync(_ec2, 1))[0].InstanceId;

        // Running after 20 s; ELB accepts it as a target 5 s later (the registration lag).
        _time.Advance(TimeSpan.FromSeconds(20));
        await CloudHelpers.WaitForStateAsync(_ec2, id, "running");
        _time.Advance(TimeSpan.FromSeconds(5));
        var lbArn = (await _elb.CreateLoadBalancerAsync(new Elb.CreateLoadBalancerRequest
        {
            Name = "prov",
            Subnets = [subnets[0].SubnetId, subnets[1].SubnetId],
        })).LoadBalancers![0].LoadBalancerArn;
        var tgArn = (await _elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest
        {
            Name = "prov",
            Protocol = ProtocolEnum.HTTP,
            Port = 80,
            VpcId = subnets[0].VpcId,
        })).TargetGroups![0].TargetGroupArn;
        await _elb.RegisterTargetsAsync(new Elb.RegisterTargetsRequest { TargetGroupArn = tgArn, Targets = [new Elb.TargetDescription { Id = id }] });
        await _elb.CreateListenerAsync(new Elb.CreateListenerRequest
        {
            LoadBalancerArn = lbArn,
            Port = 80,
            Protocol = ProtocolEnum.HTTP,
            DefaultActions = [new Elb.Action { Type = ActionTypeEnum.Forward, TargetGroupArn = tgArn }],
        });

        var health = (await _elb.DescribeTargetHealthAsync(new Elb.DescribeTargetHealthRequest { TargetGroupArn = tgArn })).TargetHealthDescriptions![0].TargetHealth!;
        await _ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] });
        var stopping = (await _elb.DescribeTargetHealthAsync(new Elb.DescribeTargetHealthRequest { TargetGroupArn = tgArn })).TargetHealthDescriptions![0].TargetHealth!;

        Assert.Equal((TargetHealthStateEnum.Initial, TargetHealthReasonEnum.ElbRegistrationInProgress), (health.State, health.Reason));
        Assert.Equal((TargetHealthStateEnum.Unused, TargetHealthReasonEnum.TargetInvalidState), (stopping.State, stopping.Reason));
        Assert.Equal("Target is in the stopping state", stopping.Description);
    }
}
