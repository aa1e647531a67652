using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Health;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AlbBuilder.Tests.Health;

/// <summary>The states in <see cref="LabStatus"/> are the SDK's own extensible enums (ConstantClass), not bare strings.</summary>
public sealed class LabStateTypesTests
{
    [Fact]
    public void States_AreTheSdksEnums()
    {
        Assert.Equal(typeof(LoadBalancerStateEnum), typeof(LabStatus).GetProperty(nameof(LabStatus.LoadBalancerState))!.PropertyType);
        Assert.Equal(typeof(InstanceStateName), typeof(InstanceStatus).GetProperty(nameof(InstanceStatus.State))!.PropertyType);
        Assert.Equal(typeof(TargetHealthStateEnum), typeof(InstanceStatus).GetProperty(nameof(InstanceStatus.TargetState))!.PropertyType);
    }

    [Fact]
    public void IsServing_ComparesTheStates()
    {
        var instance = new InstanceStatus("i-1", "demo-1", InstanceStateName.Running, null, null, null, TargetHealthStateEnum.Healthy, null, null);

        Assert.True(new LabStatus(DateTimeOffset.UnixEpoch, LoadBalancerStateEnum.Active, null, [instance]).IsServing);
        Assert.True(new LabStatus(DateTimeOffset.UnixEpoch, "active", null, [new InstanceStatus("i-1", "demo-1", InstanceStateName.Running, null, null, null, "healthy", null, null)]).IsServing);
        Assert.False(new LabStatus(DateTimeOffset.UnixEpoch, LoadBalancerStateEnum.Active_impaired, null, [instance]).IsServing);
        Assert.False(new LabStatus(DateTimeOffset.UnixEpoch, LoadBalancerStateEnum.Active, null, [new InstanceStatus("i-1", "demo-1", InstanceStateName.Running, null, null, null, TargetHealthStateEnum.Draining, null, null)]).IsServing);
        Assert.False(new LabStatus(DateTimeOffset.UnixEpoch, null, null, [instance]).IsServing);
    }

    [Fact]
    public async Task ReadAsync_MapsToTheSdksConstants_KeepsUnknownStates_AndLeavesMissingOrEmptyOnesNull()
    {
        var ec2 = Substitute.For<IAmazonEC2>();
        var elb = Substitute.For<IAmazonElasticLoadBalancingV2>();
        ec2.DescribeInstancesAsync(Arg.Any<DescribeInstancesRequest>(), Arg.Any<CancellationToken>()).Returns(new DescribeInstancesResponse
        {
            Reservations =
            [
                new Reservation
                {
                    Instances =
                    [
                        new Instance { InstanceId = "i-1", State = new InstanceState { Name = new InstanceStateName("stopping") } },
                        new Instance { InstanceId = "i-2", State = new InstanceState { Name = new InstanceStateName(string.Empty) } },
                    ],
                },
            ],
        });
        elb.DescribeLoadBalancersAsync(Arg.Any<DescribeLoadBalancersRequest>(), Arg.Any<CancellationToken>()).Returns(new DescribeLoadBalancersResponse
        {
            LoadBalancers = [new LoadBalancer { LoadBalancerArn = "arn:lb", State = new LoadBalancerState { Code = new LoadBalancerStateEnum("active_impaired") } }],
        });
        elb.DescribeTargetHealthAsync(Arg.Any<DescribeTargetHealthRequest>(), Arg.Any<CancellationToken>()).Returns(new DescribeTargetHealthResponse
        {
            TargetHealthDescriptions =
            [
                new TargetHealthDescription { Target = new TargetDescription { Id = "i-1" }, TargetHealth = new TargetHealth { State = new TargetHealthStateEnum("draining") } },
                new TargetHealthDescription { Target = new TargetDescription { Id = "i-2" }, TargetHealth = new TargetHealth { State = new TargetHealthStateEnum("warming") } },
            ],
        });
        var resources = new LabResources(null, null, [], null, null, ["i-1", "i-2", "i-3"], "arn:tg", "arn:lb", null, null);

        var status = await LabStatusReader.ReadAsync(ec2, elb, resources, new FakeTimeProvider(), CancellationToken.None);

        Assert.Same(LoadBalancerStateEnum.Active_impaired, status.LoadBalancerState);
        Assert.Same(InstanceStateName.Stopping, status.Instances[0].State);
        Assert.Same(TargetHealthStateEnum.Draining, status.Instances[0].TargetState);
        Assert.Null(status.Instances[1].State);
        Assert.Equal("warming", status.Instances[1].TargetState?.Value);
        Assert.Null(status.Instances[2].State);
        Assert.Null(status.Instances[2].TargetState);
    }
}
