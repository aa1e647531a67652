using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Health;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AlbBuilder.Tests.Health;

public sealed class LabStateTypesTests
{
    [Fact]
    public void States_AreTypedNotStrings()
    {
        Assert.Equal(typeof(LabLoadBalancerState?), typeof(LabStatus).GetProperty(nameof(LabStatus.LoadBalancerState))!.PropertyType);
        Assert.Equal(typeof(LabInstanceState?), typeof(InstanceStatus).GetProperty(nameof(InstanceStatus.State))!.PropertyType);
        Assert.Equal(typeof(LabTargetState?), typeof(InstanceStatus).GetProperty(nameof(InstanceStatus.TargetState))!.PropertyType);
    }

    [Fact]
    public void KnownStates_SpellTheServicesText()
    {
        Assert.Equal(
            ["pending", "running", "shutting-down", "terminated", "stopping", "stopped"],
            new[] { LabInstanceState.Pending, LabInstanceState.Running, LabInstanceState.ShuttingDown, LabInstanceState.Terminated, LabInstanceState.Stopping, LabInstanceState.Stopped }.Select(s => s.ToString()));
        Assert.Equal(
            ["initial", "healthy", "unhealthy", "unused", "draining", "unavailable", "unhealthy.draining"],
            new[] { LabTargetState.Initial, LabTargetState.Healthy, LabTargetState.Unhealthy, LabTargetState.Unused, LabTargetState.Draining, LabTargetState.Unavailable, LabTargetState.UnhealthyDraining }.Select(s => s.ToString()));
        Assert.Equal(
            ["provisioning", "active", "active_impaired", "failed"],
            new[] { LabLoadBalancerState.Provisioning, LabLoadBalancerState.Active, LabLoadBalancerState.ActiveImpaired, LabLoadBalancerState.Failed }.Select(s => s.ToString()));
    }

    [Fact]
    public void States_CompareByTextIgnoringCase_AndUnknownStatesStillRead()
    {
        LabTargetState fromText = "HEALTHY";
        var future = new LabTargetState("warming");

        Assert.True(fromText == LabTargetState.Healthy);
        Assert.Equal(LabTargetState.Healthy.GetHashCode(), fromText.GetHashCode());
        Assert.True(future != LabTargetState.Healthy);
        Assert.Equal("warming", future.ToString());
        Assert.Equal(new LabInstanceState("running"), LabInstanceState.Running);
        Assert.False(LabInstanceState.Running.Equals((object)"running"));
        Assert.Equal(string.Empty, default(LabLoadBalancerState).ToString());
        Assert.Throws<ArgumentNullException>(() => new LabInstanceState(null!));
    }

    [Fact]
    public void IsServing_ComparesTypedStates_WhateverTheCase()
    {
        var instance = new InstanceStatus("i-1", "demo-1", LabInstanceState.Running, null, null, null, "Healthy", null, null);

        Assert.True(new LabStatus(DateTimeOffset.UnixEpoch, "ACTIVE", null, [instance]).IsServing);
        Assert.False(new LabStatus(DateTimeOffset.UnixEpoch, LabLoadBalancerState.ActiveImpaired, null, [instance]).IsServing);
        Assert.False(new LabStatus(DateTimeOffset.UnixEpoch, LabLoadBalancerState.Active, null, [instance with { TargetState = LabTargetState.Draining }]).IsServing);
    }

    [Fact]
    public async Task ReadAsync_MapsTheServicesStates_AndLeavesMissingOrEmptyOnesNull()
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
                        new Instance { InstanceId = "i-1", State = new InstanceState { Name = InstanceStateName.Stopping } },
                        new Instance { InstanceId = "i-2", State = new InstanceState { Name = new InstanceStateName(string.Empty) } },
                    ],
                },
            ],
        });
        elb.DescribeLoadBalancersAsync(Arg.Any<DescribeLoadBalancersRequest>(), Arg.Any<CancellationToken>()).Returns(new DescribeLoadBalancersResponse
        {
            LoadBalancers = [new LoadBalancer { LoadBalancerArn = "arn:lb", State = new LoadBalancerState { Code = LoadBalancerStateEnum.Active_impaired } }],
        });
        elb.DescribeTargetHealthAsync(Arg.Any<DescribeTargetHealthRequest>(), Arg.Any<CancellationToken>()).Returns(new DescribeTargetHealthResponse
        {
            TargetHealthDescriptions = [new TargetHealthDescription { Target = new TargetDescription { Id = "i-1" }, TargetHealth = new TargetHealth { State = TargetHealthStateEnum.Draining } }],
        });
        var resources = LabResources.None with { LoadBalancerArn = "arn:lb", TargetGroupArn = "arn:tg", InstanceIds = ["i-1", "i-2", "i-3"] };

        var status = await LabStatusReader.ReadAsync(ec2, elb, resources, new FakeTimeProvider(), CancellationToken.None);

        Assert.Equal(LabLoadBalancerState.ActiveImpaired, status.LoadBalancerState);
        Assert.Equal(LabInstanceState.Stopping, status.Instances[0].State);
        Assert.Equal(LabTargetState.Draining, status.Instances[0].TargetState);
        Assert.Null(status.Instances[1].State);
        Assert.Null(status.Instances[1].TargetState);
        Assert.Null(status.Instances[2].State);
    }
}
