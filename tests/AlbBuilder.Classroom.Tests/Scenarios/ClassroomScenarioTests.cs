namespace AlbBuilder.Classroom.Tests.Scenarios;

/// <summary>Classrooms on a real LocalCloud, through real SDK clients over HTTP.</summary>
public sealed class ClassroomScenarioTests
{
    [Fact]
    public async Task ThreeLabs_StartServeCarryClassAndLearnerTags_AndDestroyLeavesNothing()
    {
        await using var env = await ClassroomCloud.StartAsync();
        await using var classroom = AlbClassroom.Create(env.Template()).WithName("physics").ForLearners("learner-{0:00}", 3).Build();
        var progress = new SyncProgress();

        var result = await classroom.StartAsync(progress);

        Assert.True(result.AllSucceeded, string.Join(Environment.NewLine, result.Outcomes));
        Assert.Equal(["learner-01", "learner-02", "learner-03"], result.Outcomes.Select(o => o.Learner));
        Assert.All(result.Outcomes, o => Assert.Equal(classroom.Labs.Single(l => l.Learner == o.Learner).Lab.Url, o.Url));
        Assert.All(classroom.Labs, l => Assert.Equal(LabState.Running, l.Lab.State));
        Assert.All(classroom.Labs, l => Assert.Equal(ClassroomLabState.Serving, progress.Events.Last(e => e.Learner == l.Learner).State));
        Assert.Contains(progress.Events, e => e.Learner == "learner-02" && e.LabEvent?.Step == LabStep.CreateLoadBalancer);

        var instances = await env.InstanceTagsAsync();
        Assert.Equal(6, instances.Count);
        Assert.All(instances, i => Assert.Equal(("physics", i.Lab["physics-".Length..]), (i.Class, i.Learner)));
        var balancers = await env.LoadBalancerTagsAsync();
        Assert.Equal(
            ["physics-learner-01-alb", "physics-learner-02-alb", "physics-learner-03-alb"],
            balancers.Keys.Order(StringComparer.Ordinal));
        Assert.All(balancers, b => Assert.Equal(("physics", b.Key["physics-".Length..^"-alb".Length]), b.Value));

        var traffic = await classroom.VerifyTrafficAsync();
        Assert.True(traffic.AllSucceeded, string.Join(Environment.NewLine, traffic.Outcomes));
        Assert.All(traffic.Outcomes, o => Assert.Equal(2, o.Traffic!.DistinctBackends));

        var destroyed = await classroom.DestroyAsync();
        Assert.True(destroyed.AllSucceeded, string.Join(Environment.NewLine, destroyed.Outcomes));
        Assert.True(env.Cloud.GetInventory().IsEmpty, env.Cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task OneLabFailingAmongThree_IsRolledBackAlone_WhileTheOthersServe()
    {
        await using var env = await ClassroomCloud.StartAsync();
        await using var classroom = AlbClassroom.Create(env.Template()).WithName("chem").ForLearners(["ada", "alan", "grace"]).Build();

        // The second listener created fails, late in a lab's start: its groups, target group, instances and load balancer exist.
        env.Cloud.Faults.FailCall("CreateListener", 2, "InvalidParameterValue", 400, "boom");
        var result = await classroom.StartAsync();

        var failed = Assert.Single(result.Failures);
        var error = Assert.IsType<AlbLabException>(failed.Error);
        Assert.Contains("boom", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.SucceededCount);
        // Everything the failed lab created is removed: both groups, the target group and the load balancer, and the
        // instances launched by then (the second may still wait for EC2's RunInstances bucket when the listener fails).
        Assert.True(error.Created.Except(error.Removed).IsEmpty, error.Message);
        Assert.Equal(
            [LabResourceKind.LoadBalancerSecurityGroup, LabResourceKind.InstanceSecurityGroup, LabResourceKind.TargetGroup, LabResourceKind.LoadBalancer],
            error.Removed.Select(r => r.Kind).Where(k => k != LabResourceKind.Instance).Order());
        Assert.NotEmpty(error.Removed.IdsOf(LabResourceKind.Instance));
        Assert.Equal(LabState.Failed, classroom.Labs.Single(l => l.Learner == failed.Learner).Lab.State);

        // Nothing of the failed lab is left; the others are whole and serve.
        var inventory = env.Cloud.GetInventory();
        Assert.Equal((4, 4, 2, 2, 2), (inventory.Instances.Count, inventory.SecurityGroups.Count, inventory.LoadBalancers.Count, inventory.TargetGroups.Count, inventory.Listeners.Count));
        Assert.DoesNotContain($"chem-{failed.Learner}-alb", (await env.LoadBalancerTagsAsync()).Keys);
        var traffic = await classroom.VerifyTrafficAsync();
        Assert.Equal(result.Outcomes.Where(o => o.Succeeded).Select(o => o.Learner), traffic.Outcomes.Select(o => o.Learner));
        Assert.True(traffic.AllSucceeded, string.Join(Environment.NewLine, traffic.Outcomes));

        Assert.True((await classroom.DestroyAsync()).AllSucceeded);
        Assert.True(env.Cloud.GetInventory().IsEmpty, env.Cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task DisposeAsync_TearsDownWhatTheStartCreated()
    {
        await using var env = await ClassroomCloud.StartAsync();
        var classroom = AlbClassroom.Create(env.Template().WithInstances(1)).WithName("bio").ForLearners("s{0}", 2).Build();
        Assert.True((await classroom.StartAsync()).AllSucceeded);
        Assert.Equal(2, env.Cloud.GetInventory().LoadBalancers.Count);

        await classroom.DisposeAsync();

        Assert.True(env.Cloud.GetInventory().IsEmpty, env.Cloud.GetInventory().ToString());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => classroom.StartAsync());
    }
}
