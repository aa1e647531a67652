using Amazon.EC2.Model;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Tests.Scenarios;

/// <summary>Destroy and dispose on LocalCloud: order, retries, NotFound, ownership, clean-up off.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class TeardownScenarioTests
{
    [Fact]
    public async Task DestroyAsync_RunningLab_DeletesEverythingInDependencyOrder()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo").Build();
        await lab.StartAsync();
        var before = env.Operations.Count;

        await lab.DestroyAsync();

        var ops = env.Operations.Skip(before).ToList();
        Assert.Equal(LabState.Destroyed, lab.State);
        Assert.True(env.Cloud.GetInventory().IsEmpty, env.Cloud.GetInventory().ToString());
        Assert.True(ops.IndexOf("DeleteListener") < ops.IndexOf("DeleteLoadBalancer"));
        Assert.True(ops.IndexOf("DeleteLoadBalancer") < ops.IndexOf("DeleteTargetGroup"));
        Assert.True(ops.IndexOf("RevokeSecurityGroupIngress") < ops.IndexOf("DeleteSecurityGroup"));
        Assert.True(ops.IndexOf("TerminateInstances") < ops.IndexOf("DeleteSecurityGroup"));
        Assert.Equal(1, ops.Count(o => o == "TerminateInstances"));
        Assert.Equal(LabCloud.Describe(LabResources.None), LabCloud.Describe(lab.Resources));
        Assert.Null(lab.Url);
    }

    [Fact]
    public async Task DestroyAsync_TwiceInARow_SecondFindsNothingAndDeletesNothing()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo").Build();
        await lab.StartAsync();
        await lab.DestroyAsync();
        var before = env.Operations.Count;

        await lab.DestroyAsync();

        var ops = env.Operations.Skip(before).ToList();
        Assert.DoesNotContain(ops, o => o.StartsWith("Delete", StringComparison.Ordinal) || o == "TerminateInstances");
        Assert.Equal(LabState.Destroyed, lab.State);
    }

    [Fact]
    public async Task DestroyAsync_TargetGroupInUseAndGroupsStillReferenced_RetriesUntilTheyClear()
    {
        await using var env = await LabCloud.StartAsync();
        var time = new AutoAdvancingTime();
        var lab = env.Lab("demo", time).Build();
        await lab.StartAsync();
        env.Cloud.Faults.FailNext("DeleteTargetGroup", 2, "ResourceInUse", 400, "in use");
        env.Cloud.Faults.FailNext("DeleteSecurityGroup", 3, "DependencyViolation", 400, "still referenced");
        var advancesBefore = time.Advances;
        var log = new EventLog();

        await lab.DestroyAsync(log);

        // LocalCloud adds DependencyViolations of its own while terminated instances' interfaces linger.
        Assert.Equal(3, env.Count("DeleteTargetGroup"));
        Assert.True(env.Count("DeleteSecurityGroup") >= 5);
        Assert.True(env.Cloud.GetInventory().IsEmpty, env.Cloud.GetInventory().ToString());
        Assert.True(time.Advances - advancesBefore >= 5, "each retry waits on the lab clock");
        LabAssert.EventsOf(LabAssert.Steps.DeleteSecurityGroup, LabEventKind.Progress, "DependencyViolation", log.Events, n => n >= 3);
        LabAssert.EventsOf(LabAssert.Steps.DeleteTargetGroup, LabEventKind.Progress, "ResourceInUse", log.Events, n => n == 2);
    }

    [Fact]
    public async Task DestroyAsync_DependencyViolationNeverClears_GivesUpAtTheTeardownTimeout()
    {
        await using var env = await LabCloud.StartAsync();
        var time = new AutoAdvancingTime();
        var lab = env.Lab("demo", time)
            .WithPolling(TimeSpan.FromSeconds(5))
            .WithTimeouts(t => t with { Teardown = TimeSpan.FromMinutes(3) })
            .Build();
        await lab.StartAsync();
        env.Cloud.Faults.FailNext("DeleteSecurityGroup", 10_000, "DependencyViolation");
        var started = time.GetUtcNow();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.DestroyAsync());

        Assert.Contains("teardown incomplete", ex.Message, StringComparison.Ordinal);
        LabAssert.RemovedOfKind(LabResourceKind.LoadBalancer, ex);
        Assert.InRange(time.GetUtcNow() - started, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(4));
        Assert.Equal(2, env.Cloud.GetInventory().SecurityGroups.Count);
        Assert.InRange(env.Count("DeleteSecurityGroup"), 5, 200);
    }

    [Fact]
    public async Task DestroyAsync_ResourcesAlreadyGone_CountsNotFoundAsDone()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo").Build();
        await lab.StartAsync();
        env.Cloud.Faults.FailNext("DeleteListener", 1, "ListenerNotFound");
        env.Cloud.Faults.FailNext("DeleteTargetGroup", 1, "TargetGroupNotFound");
        env.Cloud.Faults.FailNext("TerminateInstances", 1, "InvalidInstanceID.NotFound");
        env.Cloud.Faults.FailNext("DeleteSecurityGroup", 1, "InvalidGroup.NotFound");

        await lab.DestroyAsync();

        Assert.Equal(LabState.Destroyed, lab.State);
        Assert.Empty(env.Cloud.GetInventory().LoadBalancers);

        // The one-call terminate said NotFound, so each instance was terminated on its own.
        Assert.Equal(3, env.Count("TerminateInstances"));
        Assert.Empty(env.Cloud.GetInventory().Instances);
    }

    [Fact]
    public async Task DestroyAsync_ForeignResourcesWithTheSameNames_AreNeverDeleted()
    {
        await using var env = await LabCloud.StartAsync();
        var foreignGroup = await env.Seed.SecurityGroupAsync("demo-alb-sg-copy", ("Name", "demo-alb-sg"), (LabTags.Lab, "other-lab"), (LabTags.CreatedBy, LabTags.CreatedByValue));
        var lookalike = await env.Seed.SecurityGroupAsync("demo-instances-sg-2", ("Name", "demo-instances-sg"), (LabTags.Lab, "demo"));
        var foreignInstance = await env.Seed.InstanceAsync("running", ("Name", "demo-1"));
        var lab = env.Lab("demo").Build();
        await lab.StartAsync();

        await lab.DestroyAsync();

        var inventory = env.Cloud.GetInventory();
        Assert.Contains(foreignGroup, inventory.SecurityGroups);
        Assert.Contains(lookalike, inventory.SecurityGroups); // lab tag but not created by AlbBuilder
        Assert.Equal(new[] { foreignGroup, lookalike, env.Seed.OpenGroupId! }.Order(), inventory.SecurityGroups.Order());
        Assert.Equal("running", (await env.Seed.InstanceAsync(foreignInstance)).State.Name.Value);
        Assert.Equal([foreignInstance], inventory.Instances);
    }

    [Fact]
    public async Task DestroyAsync_SameNamedLoadBalancerAndTargetGroupWithoutOwnershipTags_SurviveAsNothingOfTheLab()
    {
        await using var env = await LabCloud.StartAsync();
        var foreignLb = await env.Seed.LoadBalancerAsync("demo-alb", ("Name", "demo-alb"), (LabTags.Lab, "demo"));
        var foreignTg = await env.Seed.TargetGroupAsync("demo-tg", ("Name", "demo-tg"));
        var lab = env.Lab("demo").Build();

        await lab.DestroyAsync();

        Assert.Equal([foreignLb], env.Cloud.GetInventory().LoadBalancers);
        Assert.Equal([foreignTg], env.Cloud.GetInventory().TargetGroups);
        Assert.DoesNotContain(env.Operations, o => o.StartsWith("Delete", StringComparison.Ordinal));
        Assert.Equal(LabState.Destroyed, lab.State);
    }

    [Fact]
    public async Task StartAsync_LoadBalancerNameTakenByAForeignLoadBalancer_FailsWithoutTouchingIt()
    {
        await using var env = await LabCloud.StartAsync();
        var foreign = await env.Seed.LoadBalancerAsync("demo-alb", ("owner", "someone-else"));
        var lab = env.Lab("demo").Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Contains("load balancer demo-alb", ex.Message, StringComparison.Ordinal);
        Assert.Equal([foreign], env.Cloud.GetInventory().LoadBalancers);
        Assert.Equal(0, env.Count("CreateSecurityGroup"));
        Assert.Equal(0, env.Count("DeleteLoadBalancer"));
    }

    [Fact]
    public async Task DisposeAsync_StartedLabWithCleanUp_TearsItDown()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo").Build();
        await lab.StartAsync();

        await lab.DisposeAsync();
        await lab.DisposeAsync();

        Assert.True(env.Cloud.GetInventory().IsEmpty, env.Cloud.GetInventory().ToString());
        Assert.Equal(1, env.Count("DeleteLoadBalancer"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => lab.StartAsync());
    }

    [Fact]
    public async Task DisposeAsync_ClientsPassedIn_AreLeftOpen()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo").Build();
        await lab.StartAsync();

        await lab.DisposeAsync();

        Assert.Empty(env.Cloud.GetInventory().LoadBalancers);
        Assert.NotEmpty((await env.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs);
        Assert.NotNull(await env.Elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest()));
    }

    [Fact]
    public async Task DisposeAsync_CleanUpOff_LeavesTheLab()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo").WithCleanUp(false).Build();
        await lab.StartAsync();

        await lab.DisposeAsync();

        Assert.Single(env.Cloud.GetInventory().LoadBalancers);
        Assert.Equal(2, env.Cloud.GetInventory().Instances.Count);
    }

    [Fact]
    public async Task DisposeAsync_AttachedLab_IsLeftForAnExplicitDestroy()
    {
        await using var env = await LabCloud.StartAsync();
        await using (var first = env.Lab("demo").WithCleanUp(false).Build())
        {
            await first.StartAsync();
        }

        var attached = env.Lab("demo").Build();
        Assert.True(await attached.AttachAsync());
        await attached.DisposeAsync();

        Assert.Single(env.Cloud.GetInventory().LoadBalancers);
    }

    [Fact]
    public async Task DestroyAsync_ReportsRemovedEvents()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo").Build();
        await lab.StartAsync();
        var loadBalancer = lab.Resources.LoadBalancerArn!;
        var log = new EventLog();

        await lab.DestroyAsync(log);

        var removed = log.Events.Where(e => e.Kind == LabEventKind.Removed).Select(e => e.ResourceId).ToList();
        Assert.Equal(7, removed.Count);
        Assert.Contains(loadBalancer, removed);
    }
}
