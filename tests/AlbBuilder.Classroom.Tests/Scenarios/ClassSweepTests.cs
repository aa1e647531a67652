using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.LocalCloud;

namespace AlbBuilder.Classroom.Tests.Scenarios;

/// <summary>The sweep by class on a real LocalCloud: it finds a class's labs by their tags, and nothing else.</summary>
public sealed class ClassSweepTests
{
    [Fact]
    public async Task Sweep_RemovesEveryLabOfTheClass_AndOnlyThose()
    {
        await using var env = await ClassroomCloud.StartAsync();
        var template = env.Template().WithInstances(1);
        var physics = AlbClassroom.Create(template).WithName("physics").ForLearners(["ada", "alan"]).Build();
        await using var chemistry = AlbClassroom.Create(template).WithName("chemistry").ForLearners(["ada"]).Build();
        await using var loner = AlbLab.Create("physics-loner").WithLocalCloud(env.Cloud).WithInstances(1).Build();
        Assert.True((await physics.StartAsync()).AllSucceeded);
        Assert.True((await chemistry.StartAsync()).AllSucceeded);
        await loner.StartAsync();
        var progress = new SyncProgress();

        // As after a crash: the classroom object is gone, only the tags are left to find the class by.
        var swept = await AlbClassroom.SweepAsync(template, "physics", progress);

        Assert.True(swept.AllSucceeded, string.Join(Environment.NewLine, swept.Outcomes));
        Assert.Equal(ClassroomOperation.Sweep, swept.Operation);
        Assert.Equal([("ada", "physics-ada"), ("alan", "physics-alan")], swept.Outcomes.Select(o => (o.Learner, o.LabName)));
        Assert.Contains(progress.Events, e => e is { Learner: "alan", State: ClassroomLabState.Destroyed });
        var left = await AlbLabDirectory.ListAsync(env.Ec2, env.Elb);
        Assert.Equal(["chemistry-ada", "physics-loner"], left.Select(l => l.Name));
        Assert.Equal(5, left.Single(l => l.Name == "chemistry-ada").ResourceIds.Count); // 2 groups, target group, instance, load balancer

        Assert.Empty((await AlbClassroom.SweepAsync(template, "physics")).Outcomes);
        await physics.DisposeAsync(); // nothing left to tear down
        await chemistry.DestroyAsync();
        await loner.DestroyAsync();
        Assert.True(env.Cloud.GetInventory().IsEmpty, env.Cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task Sweep_LeavesALabWithResourcesOutsideTheClass_AndSaysWhy()
    {
        await using var env = await ClassroomCloud.StartAsync();
        var template = env.Template().WithInstances(1);
        await using var physics = AlbClassroom.Create(template).WithName("physics").ForLearners(["ada"]).Build();
        Assert.True((await physics.StartAsync()).AllSucceeded);
        var balancer = (await env.Elb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest())).LoadBalancers.Single();
        await env.Elb.RemoveTagsAsync(new RemoveTagsRequest { ResourceArns = [balancer.LoadBalancerArn], TagKeys = [ClassroomTags.Class] });

        var swept = await AlbClassroom.SweepAsync(template, "physics");

        var outcome = Assert.Single(swept.Outcomes);
        Assert.False(outcome.Succeeded);
        Assert.Contains(balancer.LoadBalancerArn, outcome.Error!.Message, StringComparison.Ordinal);
        Assert.Single(env.Cloud.GetInventory().LoadBalancers);
        Assert.True((await physics.DestroyAsync()).AllSucceeded);
        Assert.True(env.Cloud.GetInventory().IsEmpty, env.Cloud.GetInventory().ToString());
    }
}
