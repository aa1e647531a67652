using Amazon.EC2;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Tests.Provisioning;
using NSubstitute;

namespace AlbBuilder.Tests.Health;

[Collection(ProvisioningCollection.Name)]
public sealed class LabStatusTests
{
    [Fact]
    public async Task GetStatusAsync_RunningLab_MapsTheLoadBalancerInstancesAndTargetHealth()
    {
        var aws = new FakeAws();
        var time = new AutoAdvancingTime();
        var lab = LabFixture.Lab(aws, time: time);
        await lab.StartAsync();
        var before = aws.Calls.Count;

        var status = await lab.GetStatusAsync();

        Assert.Equal(3, aws.Calls.Count - before);
        Assert.Equal(time.GetUtcNow(), status.Timestamp);
        Assert.Equal(LoadBalancerStateEnum.Active, status.LoadBalancerState);
        Assert.Equal("demo-alb-123456.eu-west-1.elb.amazonaws.com", status.LoadBalancerDnsName);
        Assert.True(status.IsServing);
        Assert.Equal(lab.Resources.InstanceIds, status.Instances.Select(i => i.InstanceId));
        var first = status.Instances[0];
        Assert.Equal(("demo-1", InstanceStateName.Running, "eu-west-1a", TargetHealthStateEnum.Healthy), (first.Name, first.State, first.AvailabilityZone, first.TargetState));
        Assert.Equal(aws.Instances[first.InstanceId].PrivateDnsName, first.PrivateDnsName);
        Assert.Equal(aws.Instances[first.InstanceId].PublicIpAddress, first.PublicIpAddress);
        Assert.Equal("eu-west-1b", status.Instances[1].AvailabilityZone);
    }

    [Fact]
    public async Task GetStatusAsync_UnhealthyAndStoppedTargets_CarryStateReasonAndDescription()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws);
        await lab.StartAsync();
        var stopped = lab.Resources.InstanceIds[1];
        aws.Elb.DescribeTargetHealthAsync(Arg.Any<DescribeTargetHealthRequest>(), Arg.Any<CancellationToken>()).Returns(new DescribeTargetHealthResponse
        {
            TargetHealthDescriptions =
            [
                new() { Target = new TargetDescription { Id = lab.Resources.InstanceIds[0] }, TargetHealth = new TargetHealth { State = "unhealthy", Reason = "Target.ResponseCodeMismatch", Description = "Health checks failed with these codes: [500]" } },
                new() { Target = new TargetDescription { Id = stopped }, TargetHealth = new TargetHealth { State = "unused", Reason = "Target.InvalidState", Description = "Target is in the stopped state" } },
            ],
        });
        aws.Instances[stopped].State = new Amazon.EC2.Model.InstanceState { Name = "stopped" };

        var status = await lab.GetStatusAsync();

        Assert.False(status.IsServing);
        Assert.Equal((TargetHealthStateEnum.Unhealthy, "Target.ResponseCodeMismatch", "Health checks failed with these codes: [500]"), (status.Instances[0].TargetState, status.Instances[0].TargetReason, status.Instances[0].TargetDescription));
        Assert.Equal((InstanceStateName.Stopped, TargetHealthStateEnum.Unused, "Target.InvalidState"), (status.Instances[1].State, status.Instances[1].TargetState, status.Instances[1].TargetReason));
    }

    [Fact]
    public async Task GetStatusAsync_ResourcesGoneMeanwhile_ReportsNullsInsteadOfThrowing()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws);
        await lab.StartAsync();
        var ids = lab.Resources.InstanceIds;
        aws.LoadBalancers.Clear();
        aws.Registered.Clear();
        aws.Instances.Remove(ids[0]);

        var status = await lab.GetStatusAsync();

        Assert.Null(status.LoadBalancerState);
        Assert.Equal(ids, status.Instances.Select(i => i.InstanceId));
        Assert.Null(status.Instances[0].State);
        Assert.Equal("running", status.Instances[1].State);
        Assert.All(status.Instances, i => Assert.Null(i.TargetState));
    }

    [Fact]
    public async Task GetStatusAsync_NotStarted_ReturnsAnEmptySnapshotWithoutCalls()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws);

        var status = await lab.GetStatusAsync();

        Assert.Empty(status.Instances);
        Assert.Null(status.LoadBalancerState);
        Assert.Empty(aws.Calls);
        Assert.False(status.IsServing);
    }

    [Fact]
    public async Task WaitForHealthyAsync_TargetsBecomeHealthy_ReturnsServingStatus()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws);
        await lab.StartAsync();
        aws.TargetState = "initial";
        var polls = 0;
        aws.OnCall("DescribeTargetHealth", _ =>
        {
            if (++polls == 3)
            {
                aws.TargetState = "healthy";
            }
        });

        var status = await lab.WaitForHealthyAsync();

        Assert.True(status.IsServing);
        Assert.True(polls >= 3);
    }

    [Fact]
    public async Task WaitForHealthyAsync_NeverHealthy_ThrowsAfterTheTimeoutOnTheLabClock()
    {
        var aws = new FakeAws();
        var time = new AutoAdvancingTime();
        var lab = LabFixture.Lab(aws, time: time);
        await lab.StartAsync();
        aws.TargetState = "unhealthy";
        var started = time.GetUtcNow();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.WaitForHealthyAsync(TimeSpan.FromMinutes(2)));

        Assert.IsType<global::AlbBuilder.Waiters.WaiterTimeoutException>(ex.InnerException);
        Assert.InRange(time.GetUtcNow() - started, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3));
    }
}
