using AlbBuilder.ElasticLoadBalancingV2.Model;
using NSubstitute;

namespace AlbBuilder.Tests.Provisioning;

[Collection(ProvisioningCollection.Name)]
public sealed class TeardownTests
{
    [Fact]
    public async Task DestroyAsync_RunningLab_DeletesEverythingInDependencyOrder()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws);
        await lab.StartAsync();
        var before = aws.Calls.Count;

        await lab.DestroyAsync();

        var ops = aws.Operations.Skip(before).ToList();
        Assert.Equal(LabState.Destroyed, lab.State);
        Assert.Empty(aws.SecurityGroups);
        Assert.Empty(aws.LiveInstances());
        Assert.Empty(aws.LoadBalancers);
        Assert.Empty(aws.TargetGroups);
        Assert.Empty(aws.Listeners);
        Assert.True(ops.IndexOf("DeleteListener") < ops.IndexOf("DeleteLoadBalancer"));
        Assert.True(ops.IndexOf("DeleteLoadBalancer") < ops.IndexOf("DeleteTargetGroup"));
        Assert.True(ops.IndexOf("RevokeSecurityGroupIngress") < ops.IndexOf("DeleteSecurityGroup"));
        Assert.True(ops.IndexOf("TerminateInstances") < ops.IndexOf("DeleteSecurityGroup"));
        Assert.Equal(1, ops.Count(o => o == "TerminateInstances"));
        Assert.Equal(LabFixture.Describe(LabResources.None), LabFixture.Describe(lab.Resources));
        Assert.Null(lab.Url);
    }

    [Fact]
    public async Task DestroyAsync_TwiceInARow_SecondFindsNothingAndDeletesNothing()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws);
        await lab.StartAsync();
        await lab.DestroyAsync();
        var before = aws.Calls.Count;

        await lab.DestroyAsync();

        var ops = aws.Operations.Skip(before).ToList();
        Assert.DoesNotContain(ops, o => o.StartsWith("Delete", StringComparison.Ordinal) || o == "TerminateInstances");
        Assert.Equal(LabState.Destroyed, lab.State);
    }

    [Fact]
    public async Task DestroyAsync_TargetGroupInUseAndGroupsStillReferenced_RetriesUntilTheyClear()
    {
        var aws = new FakeAws();
        var time = new AutoAdvancingTime();
        var lab = LabFixture.Lab(aws, time: time);
        await lab.StartAsync();
        aws.FailOn("DeleteTargetGroup", new ResourceInUseException("in use"), times: 2);
        aws.FailOn("DeleteSecurityGroup", FakeAws.Ec2Error("DependencyViolation"), times: 3);
        var advancesBefore = time.Advances;
        var log = new EventLog();

        await lab.DestroyAsync(log);

        Assert.Equal(3, aws.Count("DeleteTargetGroup"));
        Assert.Equal(5, aws.Count("DeleteSecurityGroup"));
        Assert.Empty(aws.TargetGroups);
        Assert.Empty(aws.SecurityGroups);
        Assert.True(time.Advances - advancesBefore >= 5, "each retry waits on the lab clock");
        Assert.Equal(3, log.Events.Count(e => e.Kind == LabEventKind.Progress && e.Step == LabStep.DeleteSecurityGroup && e.Message.StartsWith("DependencyViolation", StringComparison.Ordinal)));
        Assert.Equal(2, log.Events.Count(e => e.Kind == LabEventKind.Progress && e.Step == LabStep.DeleteTargetGroup && e.Message.StartsWith("ResourceInUse", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DestroyAsync_DependencyViolationNeverClears_GivesUpAtTheTeardownTimeout()
    {
        var aws = new FakeAws();
        var time = new AutoAdvancingTime();
        var lab = LabFixture.Lab(aws, LabFixture.Definition() with { Timeouts = LabTimeouts.Default with { Teardown = TimeSpan.FromMinutes(3) } }, time);
        await lab.StartAsync();
        aws.FailOn("DeleteSecurityGroup", FakeAws.Ec2Error("DependencyViolation"), times: 10_000);
        var started = time.GetUtcNow();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.DestroyAsync());

        Assert.Contains("teardown incomplete", ex.Message, StringComparison.Ordinal);
        Assert.Contains(ex.Removed, r => r.Kind == LabResourceKind.LoadBalancer);
        Assert.InRange(time.GetUtcNow() - started, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(4));
        Assert.Equal(2, aws.SecurityGroups.Count);
        Assert.InRange(aws.Count("DeleteSecurityGroup"), 5, 200);
    }

    [Fact]
    public async Task DestroyAsync_ResourcesAlreadyGone_CountsNotFoundAsDone()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws);
        await lab.StartAsync();
        aws.FailOn("DeleteListener", new ListenerNotFoundException("gone"));
        aws.FailOn("DeleteTargetGroup", new TargetGroupNotFoundException("gone"));
        aws.FailOn("TerminateInstances", FakeAws.Ec2Error("InvalidInstanceID.NotFound"));
        aws.FailOn("DeleteSecurityGroup", FakeAws.Ec2Error("InvalidGroup.NotFound"));

        await lab.DestroyAsync();

        Assert.Equal(LabState.Destroyed, lab.State);
        Assert.Empty(aws.LoadBalancers);

        // The one-call terminate said NotFound, so each instance was terminated on its own.
        Assert.Equal(3, aws.Count("TerminateInstances"));
        Assert.Empty(aws.LiveInstances());
    }

    [Fact]
    public async Task DestroyAsync_ForeignResourcesWithTheSameNames_AreNeverDeleted()
    {
        var aws = new FakeAws();
        var foreignGroup = aws.AddSecurityGroup("demo-alb-sg-copy", ("Name", "demo-alb-sg"), (LabTags.Lab, "other-lab"), (LabTags.CreatedBy, LabTags.CreatedByValue));
        var lookalike = aws.AddSecurityGroup("demo-instances-sg-2", ("Name", "demo-instances-sg"), (LabTags.Lab, LabFixture.LabName));
        var foreignInstance = aws.AddInstance("running", ("Name", "demo-1"));
        var lab = LabFixture.Lab(aws);
        await lab.StartAsync();

        await lab.DestroyAsync();

        Assert.True(aws.SecurityGroups.ContainsKey(foreignGroup.GroupId));
        Assert.True(aws.SecurityGroups.ContainsKey(lookalike.GroupId)); // lab tag but not created by AlbBuilder
        Assert.Equal("running", aws.Instances[foreignInstance.InstanceId].State.Name.Value);
        Assert.Equal(2, aws.SecurityGroups.Count);
        Assert.Equal([foreignInstance.InstanceId], aws.LiveInstances().Select(i => i.InstanceId));
    }

    [Fact]
    public async Task DestroyAsync_SameNamedLoadBalancerAndTargetGroupWithoutOwnershipTags_SurviveAsNothingOfTheLab()
    {
        var aws = new FakeAws();
        var foreignLb = aws.AddLoadBalancer("demo-alb", ("Name", "demo-alb"), (LabTags.Lab, LabFixture.LabName));
        var foreignTg = aws.AddTargetGroup("demo-tg", ("Name", "demo-tg"));
        var lab = LabFixture.Lab(aws);

        await lab.DestroyAsync();

        Assert.True(aws.LoadBalancers.ContainsKey(foreignLb));
        Assert.True(aws.TargetGroups.ContainsKey(foreignTg));
        Assert.DoesNotContain(aws.Operations, o => o.StartsWith("Delete", StringComparison.Ordinal));
        Assert.Equal(LabState.Destroyed, lab.State);
    }

    [Fact]
    public async Task StartAsync_LoadBalancerNameTakenByAForeignLoadBalancer_FailsWithoutTouchingIt()
    {
        var aws = new FakeAws();
        var foreign = aws.AddLoadBalancer("demo-alb", ("owner", "someone-else"));
        var lab = LabFixture.Lab(aws);

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Contains("load balancer demo-alb", ex.Message, StringComparison.Ordinal);
        Assert.True(aws.LoadBalancers.ContainsKey(foreign));
        Assert.Equal(0, aws.Count("CreateSecurityGroup"));
        Assert.Equal(0, aws.Count("DeleteLoadBalancer"));
    }

    [Fact]
    public async Task DisposeAsync_StartedLabWithCleanUp_TearsItDown()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws);
        await lab.StartAsync();

        await lab.DisposeAsync();
        await lab.DisposeAsync();

        Assert.Empty(aws.LoadBalancers);
        Assert.Empty(aws.LiveInstances());
        Assert.Equal(1, aws.Count("DeleteLoadBalancer"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => lab.StartAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DisposeAsync_DisposesTheClientsOnlyWhenTheLabOwnsThem(bool owns)
    {
        var aws = new FakeAws();
        var lab = new AlbBuilder.Provisioning.AlbLabResource(
            LabFixture.Definition(),
            new AlbBuilder.Building.LabServices(() => aws.Ec2, () => aws.Elb, owns, new AutoAdvancingTime()));
        await lab.StartAsync();

        await lab.DisposeAsync();

        Assert.Empty(aws.LoadBalancers);
        aws.Ec2.Received(owns ? 1 : 0).Dispose();
        aws.Elb.Received(owns ? 1 : 0).Dispose();
    }

    [Fact]
    public async Task DisposeAsync_CleanUpOff_LeavesTheLab()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws, LabFixture.Definition(cleanUp: false));
        await lab.StartAsync();

        await lab.DisposeAsync();

        Assert.Single(aws.LoadBalancers);
        Assert.Equal(2, aws.LiveInstances().Count);
    }

    [Fact]
    public async Task DisposeAsync_AttachedLab_IsLeftForAnExplicitDestroy()
    {
        var aws = new FakeAws();
        await using (var first = LabFixture.Lab(aws, LabFixture.Definition(cleanUp: false)))
        {
            await first.StartAsync();
        }

        var attached = LabFixture.Lab(aws);
        Assert.True(await attached.AttachAsync());
        await attached.DisposeAsync();

        Assert.Single(aws.LoadBalancers);
    }

    [Fact]
    public async Task DestroyAsync_ReportsRemovedEvents()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws);
        await lab.StartAsync();
        var log = new EventLog();

        await lab.DestroyAsync(log);

        var removed = log.Events.Where(e => e.Kind == LabEventKind.Removed).Select(e => e.ResourceId).ToList();
        Assert.Equal(7, removed.Count);
        Assert.Contains(lab.Resources.LoadBalancerArn ?? aws.Requests<DeleteLoadBalancerRequest>().Single().LoadBalancerArn, removed);
    }
}
