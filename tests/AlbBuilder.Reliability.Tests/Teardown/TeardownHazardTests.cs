using AlbBuilder.Reliability.Tests.Infrastructure;
using Amazon.EC2.Model;
using CreateTargetGroupRequest = AlbBuilder.ElasticLoadBalancingV2.Model.CreateTargetGroupRequest;
using ElbTag = AlbBuilder.ElasticLoadBalancingV2.Model.Tag;

namespace AlbBuilder.Reliability.Tests.Teardown;

/// <summary>What makes teardowns leave things behind or touch what they must not: busy resources, lingering dependencies, resources already gone, and foreign look-alikes.</summary>
public sealed class TeardownHazardTests
{
    [Theory]
    [InlineData("DeleteTargetGroup", "ResourceInUse", 4)]
    [InlineData("DeleteSecurityGroup", "DependencyViolation", 6)]
    [InlineData("DeleteLoadBalancer", "Throttling", 2)]
    [InlineData("TerminateInstances", "RequestLimitExceeded", 2)]
    public async Task BusyOrThrottledDeletes_AreRetried_NothingLeft(string operation, string code, int times)
    {
        await using var rig = await CloudRig.StartAsync();
        var lab = rig.Lab("busy").Build();
        await lab.StartAsync();
        var before = rig.Cloud.Calls[operation];
        rig.Cloud.Faults.FailNext(operation, times, code, code == "RequestLimitExceeded" ? 503 : 400, $"Injected: {code}");

        await lab.DestroyAsync();

        Assert.True(rig.Cloud.Calls[operation] - before > times, $"{operation} was called {rig.Cloud.Calls[operation] - before} time(s)");
        Assert.True(rig.Inventory.IsEmpty, rig.Inventory.ToString());
    }

    [Fact]
    public async Task TwoTeardownsAtOnce_EachSeesTheOtherDeleting_BothSucceed()
    {
        await using var rig = await CloudRig.StartAsync();
        await rig.Lab("twice").WithInstances(3).Build().StartAsync();

        // Two processes destroy the same lab: whatever one deletes is already gone for the other (NotFound = done).
        await Task.WhenAll(rig.Lab("twice").Build().DestroyAsync(), rig.Lab("twice").Build().DestroyAsync());
        await rig.Lab("twice").Build().DestroyAsync();

        Assert.True(rig.Inventory.IsEmpty, rig.Inventory.ToString());
    }

    [Fact]
    public async Task ResourcesDeletedBehindTheLabsBack_TeardownStillCompletes()
    {
        await using var rig = await CloudRig.StartAsync();
        var lab = rig.Lab("gone").WithInstances(3).Build();
        await lab.StartAsync();
        var resources = lab.Resources;

        // Someone removed the listener and terminated an instance by hand.
        await rig.Elb.DeleteListenerAsync(new() { ListenerArn = resources.ListenerArn });
        await rig.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [resources.InstanceIds[0]] });

        await lab.DestroyAsync();

        Assert.True(rig.Inventory.IsEmpty, rig.Inventory.ToString());
        Assert.Equal(LabState.Destroyed, lab.State);
    }

    [Fact]
    public async Task ForeignLookAlikes_SurviveTeardownAndSweep()
    {
        await using var rig = await CloudRig.StartAsync();
        const string Lab = "shared";
        var vpc = (await rig.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs[0].VpcId;

        // Same Name tags as the lab's resources, but no ownership tags (or only some of them).
        var foreignGroup = (await rig.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = "someone-elses-sg",
            Description = "not the lab (foreign)", // AWS allows no apostrophe in a group description
            VpcId = vpc,
            TagSpecifications = [new TagSpecification { ResourceType = "security-group", Tags = [new Tag("Name", $"{Lab}-alb-sg"), new Tag("albbuilder:lab", Lab)] }],
        })).GroupId;
        var foreignInstance = (await rig.Ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
            InstanceType = "t3.micro",
            MinCount = 1,
            MaxCount = 1,
            TagSpecifications = [new TagSpecification { ResourceType = "instance", Tags = [new Tag("Name", $"{Lab}-1")] }],
        })).Reservation.Instances[0].InstanceId;
        var foreignTargetGroup = (await rig.Elb.CreateTargetGroupAsync(new CreateTargetGroupRequest
        {
            Name = "someone-elses-tg",
            Protocol = ElasticLoadBalancingV2.ProtocolEnum.HTTP,
            Port = 80,
            VpcId = vpc,
            Tags = [new ElbTag { Key = "Name", Value = $"{Lab}-tg" }, new ElbTag { Key = "albbuilder:lab", Value = Lab }],
        })).TargetGroups![0].TargetGroupArn!;

        var lab = rig.Lab(Lab).Build();
        await lab.StartAsync();
        Assert.DoesNotContain(foreignInstance, lab.Resources.InstanceIds);
        await lab.DestroyAsync();

        // The sample's sweep: list every lab, destroy each by name.
        foreach (var summary in await AlbLabDirectory.ListAsync(rig.Ec2, rig.Elb))
        {
            await rig.Lab(summary.Name).Build().DestroyAsync();
        }

        var left = rig.Inventory;
        Assert.Equal([foreignGroup], left.SecurityGroups);
        Assert.Equal([foreignInstance], left.Instances);
        Assert.Equal([foreignTargetGroup], left.TargetGroups);
        Assert.Empty(left.LoadBalancers);
        Assert.Empty(left.Listeners);
    }

    [Fact]
    public async Task ForeignLoadBalancerWithTheLabsName_StartRefusesAndTouchesNothing()
    {
        await using var rig = await CloudRig.StartAsync();
        var subnets = (await rig.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets.Select(s => s.SubnetId).ToList();
        var foreign = (await rig.Elb.CreateLoadBalancerAsync(new() { Name = "taken-alb", Subnets = subnets })).LoadBalancers![0].LoadBalancerArn!;
        var callsBefore = rig.Cloud.Calls.Total;

        var lab = rig.Lab("taken").Build();
        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal(LabStep.FindExistingLab, ex.Step);
        Assert.Contains("taken-alb", ex.Message, StringComparison.Ordinal);
        Assert.Empty(ex.Created);
        await lab.DestroyAsync();
        Assert.Equal([foreign], rig.Inventory.LoadBalancers);
        Assert.Empty(rig.Inventory.Instances);
        Assert.Empty(rig.Inventory.SecurityGroups);
        Assert.True(rig.Cloud.Calls.Total > callsBefore);
        Assert.Equal(0, rig.Cloud.Calls["DeleteLoadBalancer"]);
    }
}
