namespace AlbBuilder.LocalCloud.Tests.LabFlow;

/// <summary>The whole lab through the real SDK clients against LocalCloud: start, status, traffic, adoption, list, attach, destroy, rollback.</summary>
public sealed class LabFlowTests
{
    [Fact]
    public async Task Lab_StartServeAdoptListAttachDestroy()
    {
        await using var cloud = await LocalCloud.StartAsync();
        using var ec2 = cloud.CreateEc2Client();
        using var elb = cloud.CreateElasticLoadBalancingV2Client();

        var lab = AlbLab.Create("e2e").WithInstances(3).WithLocalCloud(cloud).WithTimeToLive(TimeSpan.FromHours(1)).Build();
        await lab.StartAsync();

        var status = await lab.GetStatusAsync();
        Assert.True(status.IsServing);
        Assert.Equal(["e2e-1", "e2e-2", "e2e-3"], status.Instances.Select(i => i.Name));
        Assert.Equal(3, status.Instances.Select(i => i.AvailabilityZone).Distinct().Count());

        using var http = new HttpClient(cloud.CreateHttpMessageHandler());
        Assert.Contains("Hello World from ip-", await http.GetStringAsync(lab.Url), StringComparison.Ordinal);
        var traffic = await lab.VerifyTrafficAsync();
        Assert.True(traffic.AllSucceeded);
        Assert.Equal(3, traffic.DistinctBackends);

        var listed = Assert.Single(await AlbLabDirectory.ListAsync(ec2, elb));
        Assert.Equal(("e2e", lab.Resources.LabId), (listed.Name, listed.LabId));
        Assert.NotNull(listed.ExpiresAt);

        var again = AlbLab.Create("e2e").WithInstances(3).WithLocalCloud(cloud).Build();
        await again.StartAsync();
        Assert.Equal(lab.Resources.LoadBalancerArn, again.Resources.LoadBalancerArn);
        Assert.Equal(lab.Resources.InstanceIds, again.Resources.InstanceIds);
        Assert.Equal(3, cloud.Calls["RunInstances"]); // one per AZ for the first start, none for the adopting one

        var attached = AlbLab.Create("e2e").WithLocalCloud(cloud).Build();
        Assert.True(await attached.AttachAsync());
        await attached.DestroyAsync();

        Assert.Empty(await AlbLabDirectory.ListAsync(ec2, elb));
        Assert.True(cloud.GetInventory().IsEmpty);
    }

    [Theory]
    [InlineData("CreateListener", "InvalidConfigurationRequest", "CreateListener")]
    [InlineData("RegisterTargets", "InvalidTarget", "RegisterTargets")]
    [InlineData("DescribeTargetHealth", "InternalFailure", "WaitTargetsHealthy")]
    public async Task Lab_FaultAtAStep_RollsBackEverything(string operation, string code, string step)
    {
        await using var cloud = await LocalCloud.StartAsync();
        using var ec2 = cloud.CreateEc2Client();
        using var elb = cloud.CreateElasticLoadBalancingV2Client();
        cloud.Faults.FailNext(operation, 10, code, 400, "injected");
        var lab = AlbLab.Create("fault").WithInstances(2).WithLocalCloud(cloud).Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal(step, ex.Step.ToString());
        Assert.NotEmpty(ex.Removed);
        Assert.Empty(await AlbLabDirectory.ListAsync(ec2, elb));
        Assert.Empty(cloud.GetInventory().LoadBalancers);
    }
}
