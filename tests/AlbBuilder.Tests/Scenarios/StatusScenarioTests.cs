using Amazon.EC2.Model;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Tests.Scenarios;

/// <summary><see cref="IAlbLab.GetStatusAsync"/> and <see cref="IAlbLab.WaitForHealthyAsync"/> on LocalCloud's real health checks.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class StatusScenarioTests
{
    [Fact]
    public async Task GetStatusAsync_RunningLab_MapsTheLoadBalancerInstancesAndTargetHealth()
    {
        await using var env = await LabCloud.StartAsync();
        var time = new AutoAdvancingTime();
        var lab = env.Lab("demo", time).Build();
        await lab.StartAsync();
        var before = env.Operations.Count;

        var status = await lab.GetStatusAsync();

        Assert.Equal(3, env.Operations.Count - before);
        Assert.Equal(time.GetUtcNow(), status.Timestamp);
        Assert.Equal("active", status.LoadBalancerState);
        Assert.Equal(lab.Resources.LoadBalancerDnsName, status.LoadBalancerDnsName);
        Assert.True(status.IsServing);
        Assert.Equal(lab.Resources.InstanceIds, status.Instances.Select(i => i.InstanceId));
        var first = status.Instances[0];
        Assert.Equal(("demo-1", "running", "eu-west-1a", "healthy"), (first.Name, first.State?.Value, first.AvailabilityZone, first.TargetState?.Value));
        var described = await env.Seed.InstanceAsync(first.InstanceId);
        Assert.Equal(described.PrivateDnsName, first.PrivateDnsName);
        Assert.Equal(described.PublicIpAddress, first.PublicIpAddress);
        Assert.NotNull(first.PrivateDnsName);
        Assert.Equal("eu-west-1b", status.Instances[1].AvailabilityZone);
    }

    [Fact]
    public async Task GetStatusAsync_UnhealthyAndStoppedTargets_CarryStateReasonAndDescription()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo").Build();
        await lab.StartAsync();
        var stopped = lab.Resources.InstanceIds[1];
        await RevokeHealthCheckAccessAsync(env, lab);
        await env.Seed.Ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [stopped] });

        var status = await StatusWhenAsync(lab, s => s.Instances[0].TargetState == "unhealthy" && s.Instances[1].TargetState == "unused");

        Assert.False(status.IsServing);
        var health = (await env.Elb.DescribeTargetHealthAsync(new Elb.DescribeTargetHealthRequest { TargetGroupArn = lab.Resources.TargetGroupArn })).TargetHealthDescriptions!
            .ToDictionary(d => d.Target!.Id!, d => d.TargetHealth!);
        var unhealthy = health[lab.Resources.InstanceIds[0]];
        Assert.Equal("Target.Timeout", status.Instances[0].TargetReason); // the group drops the checks
        Assert.Equal((unhealthy.State!.Value, unhealthy.Reason!.Value, unhealthy.Description), (status.Instances[0].TargetState?.Value, status.Instances[0].TargetReason, status.Instances[0].TargetDescription));
        Assert.False(string.IsNullOrEmpty(status.Instances[0].TargetDescription));
        Assert.Equal(("stopped", "unused", "Target.InvalidState"), (status.Instances[1].State?.Value, status.Instances[1].TargetState?.Value, status.Instances[1].TargetReason));
    }

    [Fact]
    public async Task GetStatusAsync_ResourcesGoneMeanwhile_ReportsNullsInsteadOfThrowing()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo").Build();
        await lab.StartAsync();
        var ids = lab.Resources.InstanceIds;
        await env.Seed.Elb.DeleteLoadBalancerAsync(new Elb.DeleteLoadBalancerRequest { LoadBalancerArn = lab.Resources.LoadBalancerArn });
        await env.Seed.Elb.DeleteTargetGroupAsync(new Elb.DeleteTargetGroupRequest { TargetGroupArn = lab.Resources.TargetGroupArn });

        // A terminated instance stays visible for an hour on AWS (and LocalCloud): answer as if this one had aged out.
        env.EditResponses<DescribeInstancesResponse>(r => r.Reservations.ForEach(res => res.Instances.RemoveAll(i => i.InstanceId == ids[0])));

        // Deletes are asynchronous on AWS and LocalCloud: describe calls may list a deleted resource for a moment after.
        var status = await StatusWhenAsync(lab, s => s.LoadBalancerState is null && s.Instances.All(i => i.TargetState is null));

        Assert.Null(status.LoadBalancerState);
        Assert.Equal(ids, status.Instances.Select(i => i.InstanceId));
        Assert.Null(status.Instances[0].State);
        Assert.Equal("running", status.Instances[1].State);
        Assert.All(status.Instances, i => Assert.Null(i.TargetState));
    }

    [Fact]
    public async Task GetStatusAsync_NotStarted_ReturnsAnEmptySnapshotWithoutCalls()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo").Build();

        var status = await lab.GetStatusAsync();

        Assert.Empty(status.Instances);
        Assert.Null(status.LoadBalancerState);
        Assert.Empty(env.Operations);
        Assert.False(status.IsServing);
    }

    [Fact]
    public async Task WaitForHealthyAsync_TargetsBecomeHealthy_ReturnsServingStatus()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo").Build();
        await lab.StartAsync();
        var permission = await RevokeHealthCheckAccessAsync(env, lab);
        await StatusWhenAsync(lab, s => s.Instances.All(i => i.TargetState == "unhealthy"));
        await env.Seed.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = lab.Resources.InstanceSecurityGroupId, IpPermissions = [permission] });
        var before = env.Count("DescribeTargetHealth");

        var status = await lab.WaitForHealthyAsync();

        Assert.True(status.IsServing);
        Assert.True(env.Count("DescribeTargetHealth") - before >= 2, "polled until the targets recovered");
    }

    [Fact]
    public async Task WaitForHealthyAsync_NeverHealthy_ThrowsAfterTheTimeoutOnTheLabClock()
    {
        await using var env = await LabCloud.StartAsync();
        var time = new AutoAdvancingTime();
        var lab = env.Lab("demo", time).WithPolling(TimeSpan.FromSeconds(1)).Build();
        await lab.StartAsync();
        await RevokeHealthCheckAccessAsync(env, lab);
        await StatusWhenAsync(lab, s => s.Instances.All(i => i.TargetState == "unhealthy"));
        var started = time.GetUtcNow();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.WaitForHealthyAsync(TimeSpan.FromMinutes(2)));

        Assert.IsType<global::AlbBuilder.Waiters.WaiterTimeoutException>(ex.InnerException);
        Assert.InRange(time.GetUtcNow() - started, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3));
    }

    /// <summary>Takes away the instance group's rule for the load balancer group: the health checks time out.</summary>
    private static async Task<IpPermission> RevokeHealthCheckAccessAsync(LabCloud env, IAlbLab lab)
    {
        var permission = Assert.Single((await env.Seed.GroupAsync(lab.Resources.InstanceSecurityGroupId!)).IpPermissions);
        await env.Seed.Ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest
        {
            GroupId = lab.Resources.InstanceSecurityGroupId,
            IpPermissions = [new IpPermission { IpProtocol = permission.IpProtocol, FromPort = permission.FromPort, ToPort = permission.ToPort, UserIdGroupPairs = [new UserIdGroupPair { GroupId = lab.Resources.LoadBalancerSecurityGroupId }] }],
        });
        return new IpPermission { IpProtocol = permission.IpProtocol, FromPort = permission.FromPort, ToPort = permission.ToPort, UserIdGroupPairs = [new UserIdGroupPair { GroupId = lab.Resources.LoadBalancerSecurityGroupId }] };
    }

    /// <summary>Polls the status until LocalCloud's health checks (real time, Instant profile) reach a state.</summary>
    private static async Task<LabStatus> StatusWhenAsync(IAlbLab lab, Func<LabStatus, bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var status = await lab.GetStatusAsync();
        while (!condition(status) && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20);
            status = await lab.GetStatusAsync();
        }

        Assert.True(condition(status), string.Join("; ", status.Instances.Select(i => $"{i.InstanceId}: {i.State}/{i.TargetState} {i.TargetReason}")));
        return status;
    }
}
