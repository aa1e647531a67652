using Amazon.EC2.Model;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Tests.Scenarios;

/// <summary>Finding a lab by its tags and completing, attaching to or listing it, on LocalCloud.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class AdoptionScenarioTests
{
    [Fact]
    public async Task StartAsync_CompleteLabAlreadyExists_ReusesEverythingAndCreatesNothing()
    {
        await using var env = await LabCloud.StartAsync();
        var first = env.Lab("demo").WithCleanUp(false).Build();
        await first.StartAsync();
        var before = env.Operations.Count;

        var second = env.Lab("demo").Build();
        await second.StartAsync();

        var ops = env.Operations.Skip(before).ToList();
        Assert.DoesNotContain(ops, o => o.StartsWith("Create", StringComparison.Ordinal) || o == "RunInstances");
        Assert.Equal(LabCloud.Describe(first.Resources), LabCloud.Describe(second.Resources));
        Assert.Equal(LabState.Running, second.State);
        Assert.Single(env.Cloud.GetInventory().LoadBalancers);
        Assert.Equal(2, env.Cloud.GetInventory().Instances.Count);
    }

    [Fact]
    public async Task StartAsync_PartialLab_CreatesOnlyWhatIsMissingAndKeepsTheLabId()
    {
        await using var env = await LabCloud.StartAsync();
        var albGroup = await env.Seed.SecurityGroupAsync("demo-alb-sg", CloudSeed.Owned("load-balancer-sg"));
        var instance = await env.Seed.InstanceAsync("running", [.. CloudSeed.Owned("instance"), ("Name", "demo-1")]);
        var targetGroup = await env.Seed.TargetGroupAsync("demo-tg", CloudSeed.Owned("target-group"));
        var lab = env.Lab("demo", instances: 3).Build();

        await lab.StartAsync();

        Assert.Equal(CloudSeed.LabId, lab.Resources.LabId);
        Assert.Equal(albGroup, lab.Resources.LoadBalancerSecurityGroupId);
        Assert.Equal(targetGroup, lab.Resources.TargetGroupArn);
        Assert.Equal(instance, lab.Resources.InstanceIds[0]);
        Assert.Equal(3, lab.Resources.InstanceIds.Count);

        Assert.Equal(["demo-instances-sg"], env.Requests<CreateSecurityGroupRequest>().Select(r => r.GroupName));
        Assert.Equal(0, env.Count("CreateTargetGroup"));
        Assert.Equal(1, env.Count("CreateLoadBalancer"));

        // Instances 2 and 3 are the missing ones, launched in the second and third AZ with their Names at launch.
        var zoneOf = (await env.Seed.SubnetsAsync()).ToDictionary(s => s.SubnetId, s => s.AvailabilityZone);
        var runs = env.Requests<RunInstancesRequest>();
        Assert.Equal(["eu-west-1b", "eu-west-1c"], runs.Select(r => zoneOf[r.SubnetId]).Order());
        Assert.All(runs, r => Assert.Equal(CloudSeed.LabId, r.TagSpecifications[0].Tags.Single(t => t.Key == LabTags.LabId).Value));
        var names = new List<string?>();
        foreach (var id in lab.Resources.InstanceIds)
        {
            names.Add(CloudSeed.Tag(await env.Seed.InstanceAsync(id), "Name"));
        }

        Assert.Equal(["demo-1", "demo-2", "demo-3"], names);
        Assert.Equal(3, (await env.Seed.RegisteredTargetsAsync(targetGroup)).Count);
    }

    [Fact]
    public async Task StartAsync_AdoptedStoppedInstance_IsStartedBeforeRegistration()
    {
        await using var env = await LabCloud.StartAsync();
        var stopped = await env.Seed.InstanceAsync("stopped", [.. CloudSeed.Owned("instance"), ("Name", "demo-1")]);
        var lab = env.Lab("demo", instances: 1).Build();

        await lab.StartAsync();

        Assert.Equal([stopped], env.Requests<StartInstancesRequest>().Single().InstanceIds);
        Assert.True(env.IndexOf("StartInstances") < env.IndexOf("RegisterTargets"));
        Assert.Equal(0, env.Count("RunInstances"));
        Assert.Equal("running", (await env.Seed.InstanceAsync(stopped)).State.Name.Value);
    }

    [Fact]
    public async Task StartAsync_FailureWhileCompletingALab_RollsBackOnlyWhatThisStartCreated()
    {
        await using var env = await LabCloud.StartAsync();
        var albGroup = await env.Seed.SecurityGroupAsync("demo-alb-sg", CloudSeed.Owned("load-balancer-sg"));
        var targetGroup = await env.Seed.TargetGroupAsync("demo-tg", CloudSeed.Owned("target-group"));
        env.Cloud.Faults.FailNext("CreateListener", 1, "InvalidConfigurationRequest", 400, "boom");
        var lab = env.Lab("demo").Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        var inventory = env.Cloud.GetInventory();
        Assert.Equal([albGroup], inventory.SecurityGroups);
        Assert.Equal([targetGroup], inventory.TargetGroups);
        Assert.Empty(inventory.LoadBalancers);
        Assert.Empty(inventory.Instances);
        LabAssert.NotCreated(albGroup, ex);
        LabAssert.NotCreated(targetGroup, ex);
        Assert.Equal(albGroup, lab.Resources.LoadBalancerSecurityGroupId);
        Assert.Null(lab.Resources.LoadBalancerArn);
    }

    [Fact]
    public async Task AttachAsync_ExistingLab_FindsItWithoutCreatingAnything()
    {
        await using var env = await LabCloud.StartAsync();
        var first = env.Lab("demo").WithCleanUp(false).Build();
        await first.StartAsync();
        var before = env.Operations.Count;

        var attached = env.Lab("demo").Build();
        var found = await attached.AttachAsync();

        Assert.True(found);
        Assert.Equal(LabState.Attached, attached.State);
        Assert.Equal(LabCloud.Describe(first.Resources), LabCloud.Describe(attached.Resources));
        Assert.Equal(first.Url, attached.Url);
        Assert.All(env.Operations.Skip(before), o => Assert.StartsWith("Describe", o.Replace("elb:", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AttachAsync_NoSuchLab_ReturnsFalse()
    {
        await using var env = await LabCloud.StartAsync();
        await env.Seed.SecurityGroupAsync("demo-alb-sg", ("Name", "demo-alb-sg"));
        var lab = env.Lab("demo").Build();

        Assert.False(await lab.AttachAsync());
        Assert.Equal(LabState.NotStarted, lab.State);
    }

    [Fact]
    public async Task AttachThenDestroy_DeletesTheLabFoundByTags()
    {
        await using var env = await LabCloud.StartAsync();
        var first = env.Lab("demo").WithCleanUp(false).Build();
        await first.StartAsync();

        var attached = env.Lab("demo").Build();
        await attached.AttachAsync();
        await attached.DestroyAsync();

        Assert.True(env.Cloud.GetInventory().IsEmpty, env.Cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task AttachAsync_OneResourceGoneWhileReadingTags_StillFindsTheOthers()
    {
        await using var env = await LabCloud.StartAsync();
        var loadBalancer = await env.Seed.LoadBalancerAsync("demo-alb", CloudSeed.Owned("load-balancer"));
        var targetGroup = await env.Seed.TargetGroupAsync("demo-tg", CloudSeed.Owned("target-group"));

        // ELBv2 answers a DescribeTags naming a resource deleted meanwhile with NotFound for the whole call.
        env.Cloud.Faults.FailNext("elasticloadbalancing:DescribeTags", 1, "LoadBalancerNotFound", 400, "One or more resources not found");
        var lab = env.Lab("demo").Build();

        Assert.True(await lab.AttachAsync());

        Assert.Equal(loadBalancer, lab.Resources.LoadBalancerArn);
        Assert.Equal(targetGroup, lab.Resources.TargetGroupArn);
        Assert.Equal(CloudSeed.LabId, lab.Resources.LabId);
        var asked = env.Requests<Elb.DescribeTagsRequest>().Select(r => string.Join(",", r.ResourceArns!)).ToList();
        Assert.Contains(loadBalancer, asked); // then one resource at a time
        Assert.Contains(targetGroup, asked);
    }

    [Fact]
    public async Task ListAsync_MoreThanTwentyArns_AsksForTagsTwentyAtATime()
    {
        await using var env = await LabCloud.StartAsync();
        for (var i = 1; i <= 45; i++)
        {
            await env.Seed.TargetGroupAsync($"tg-{i}", ("k", "v"));
        }

        var labs = await AlbLabDirectory.ListAsync(env.Ec2, env.Elb);

        Assert.Empty(labs);
        var sizes = env.Requests<Elb.DescribeTagsRequest>().Select(r => r.ResourceArns!.Count).ToList();
        Assert.Equal([20, 20, 5], sizes);
    }

    [Fact]
    public async Task AttachAsync_InstancesWithoutReadableNames_TakeTheLowestFreeIndexes()
    {
        await using var env = await LabCloud.StartAsync();
        var named = await env.Seed.InstanceAsync("running", [.. CloudSeed.Owned("instance"), ("Name", "demo-2")]);
        var unnamed = await env.Seed.InstanceAsync("stopped", CloudSeed.Owned("instance"));
        await env.Seed.InstanceAsync("terminated", [.. CloudSeed.Owned("instance"), ("Name", "demo-1")]);
        var lab = env.Lab("demo").Build();

        Assert.True(await lab.AttachAsync());

        // demo-1 is terminated, so index 1 is free: the unnamed instance (a start interrupted before naming it) takes it.
        Assert.Equal([unnamed, named], lab.Resources.InstanceIds);
        Assert.Equal(CloudSeed.LabId, lab.Resources.LabId);
    }

    [Fact]
    public async Task ListAsync_TwoLabsAndForeignResources_ListsOnlyTheLabsWithTheirResources()
    {
        await using var env = await LabCloud.StartAsync();
        var demo = env.Lab("demo", new AutoAdvancingTime()).WithCleanUp(false).WithTimeToLive(TimeSpan.FromHours(1)).Build();
        await demo.StartAsync();
        var otherGroup = await env.Seed.SecurityGroupAsync("other-alb-sg", (LabTags.Lab, "other"), (LabTags.CreatedBy, LabTags.CreatedByValue), (LabTags.Role, "load-balancer-sg"));
        var other = await env.Seed.InstanceAsync("running", (LabTags.Lab, "other"), (LabTags.LabId, "ffff00001111"), (LabTags.CreatedBy, LabTags.CreatedByValue), (LabTags.Role, "instance"));
        await env.Seed.InstanceAsync("running", (LabTags.Lab, "hand-made"));
        await env.Seed.LoadBalancerAsync("unrelated-alb", ("team", "x"));

        var labs = await AlbLabDirectory.ListAsync(env.Ec2, env.Elb);

        Assert.Equal(["demo", "other"], labs.Select(l => l.Name));
        var demoSummary = labs[0];
        Assert.Equal(demo.Resources.LabId, demoSummary.LabId);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 13, 0, 0, TimeSpan.Zero), demoSummary.ExpiresAt);
        Assert.Equal(6, demoSummary.ResourceIds.Count); // 2 groups, 2 instances, load balancer, target group
        Assert.Contains(demo.Resources.LoadBalancerArn, demoSummary.ResourceIds);
        Assert.Contains(demo.Resources.TargetGroupArn, demoSummary.ResourceIds);
        Assert.False(demoSummary.IsExpired(new DateTimeOffset(2026, 11, 25, 12, 59, 0, TimeSpan.Zero)));
        Assert.True(demoSummary.IsExpired(new DateTimeOffset(2026, 11, 25, 13, 0, 0, TimeSpan.Zero)));
        Assert.Equal([otherGroup, other], labs[1].ResourceIds);
        Assert.Equal("ffff00001111", labs[1].LabId);
        Assert.Null(labs[1].ExpiresAt);
    }
}
