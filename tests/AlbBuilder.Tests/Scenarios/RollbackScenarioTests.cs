using Amazon.EC2.Model;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Tests.Scenarios;

/// <summary>A start that fails removes what it created, on LocalCloud with injected faults.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class RollbackScenarioTests
{
    private static readonly LabStep[] SecurityGroupSteps = [LabAssert.Steps.CreateLoadBalancerSecurityGroup, LabAssert.Steps.CreateInstanceSecurityGroup];

    public static TheoryData<string, LabStep[]> FailingOperations => new()
    {
        // The two groups are created side by side: which request LocalCloud sees first is a race.
        { "CreateSecurityGroup", SecurityGroupSteps },
        { "AuthorizeSecurityGroupIngress", [LabAssert.Steps.AuthorizeLoadBalancerIngress] },
        { "CreateTargetGroup", [LabAssert.Steps.CreateTargetGroup] },
        { "ModifyTargetGroupAttributes", [LabAssert.Steps.ModifyTargetGroupAttributes] },
        { "CreateLoadBalancer", [LabAssert.Steps.CreateLoadBalancer] },
        { "ModifyLoadBalancerAttributes", [LabAssert.Steps.ModifyLoadBalancerAttributes] },
        { "RunInstances", [LabAssert.Steps.RunInstances] },
        { "CreateTags", [LabAssert.Steps.TagInstances] },
        { "RegisterTargets", [LabAssert.Steps.RegisterTargets] },
        { "CreateListener", [LabAssert.Steps.CreateListener] },
        { "DescribeTargetHealth", [LabAssert.Steps.WaitTargetsHealthy] },
    };

    [Theory]
    [MemberData(nameof(FailingOperations))]
    public async Task StartAsync_FailureAtAnyStep_RollsBackEverythingItCreated(string operation, LabStep[] steps)
    {
        await using var env = await LabCloud.StartAsync();
        env.Cloud.Faults.FailNext(operation, 1, "InvalidParameterValue", 400, "boom");
        var lab = env.Lab("demo", instances: 4).Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        LabAssert.FailedAtOneOf(steps, ex);
        Assert.Contains(ex.Step!.Value.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains("boom", ex.InnerException!.Message, StringComparison.Ordinal);
        AssertNothingLeft(env);
        LabAssert.EverythingCreatedWasRemoved(ex);
        Assert.Equal(LabState.Failed, lab.State);
        Assert.Empty(lab.Resources.InstanceIds);
        Assert.Null(lab.Resources.LoadBalancerArn);
    }

    public static TheoryData<string, int, LabStep[]> LaterCalls => new()
    {
        { "CreateSecurityGroup", 2, SecurityGroupSteps },
        { "AuthorizeSecurityGroupIngress", 2, [LabAssert.Steps.AuthorizeInstanceIngress] },
        { "RunInstances", 2, [LabAssert.Steps.RunInstances] },
        { "RunInstances", 3, [LabAssert.Steps.RunInstances] },
        { "CreateTags", 3, [LabAssert.Steps.TagInstances] },
        { "DescribeInstances", 2, [LabAssert.Steps.WaitInstancesRunning] }, // the first is the search for an existing lab
        { "DescribeLoadBalancers", 2, [LabAssert.Steps.WaitLoadBalancerActive] },
    };

    [Theory]
    [MemberData(nameof(LaterCalls))]
    public async Task StartAsync_FailureAtALaterCall_RollsBackEverythingItCreated(string operation, int callNumber, LabStep[] steps)
    {
        await using var env = await LabCloud.StartAsync();
        env.Cloud.Faults.FailCall(operation, callNumber, "InvalidParameterValue", 400, "boom");
        var lab = env.Lab("demo", instances: 5).Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        LabAssert.FailedAtOneOf(steps, ex);
        AssertNothingLeft(env);
        LabAssert.EverythingCreatedWasRemoved(ex);
    }

    [Fact]
    public async Task StartAsync_FailureAfterEverythingExists_TearsDownInDependencyOrder()
    {
        await using var env = await LabCloud.StartAsync();
        env.Cloud.Faults.FailNext("DescribeTargetHealth", 1, "InternalFailure", 400, "boom");
        var lab = env.Lab("demo").Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        LabAssert.CreatedCount(7, ex); // 2 groups, target group, load balancer, 2 instances, listener
        AssertNothingLeft(env);
        Assert.True(env.LastIndexOf("DeleteListener") < env.IndexOf("DeleteLoadBalancer"));
        Assert.True(env.LastIndexOf("DeleteLoadBalancer") < env.IndexOf("DeleteTargetGroup"));
        Assert.True(env.IndexOf("TerminateInstances") < env.IndexOf("DeleteSecurityGroup"));
        Assert.True(env.IndexOf("RevokeSecurityGroupIngress") < env.IndexOf("DeleteSecurityGroup"));
    }

    [Theory]
    [InlineData("RunInstances")]
    [InlineData("CreateLoadBalancer")]
    [InlineData("CreateSecurityGroup")]
    public async Task StartAsync_CreateResponseLost_TheResourceIsFoundByTagAndRolledBack(string operation)
    {
        await using var env = await LabCloud.StartAsync();
        env.LoseNextResponse(operation);
        var lab = env.Lab("demo").Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        LabAssert.CreatedAfterALostResponse(ex);
        LabAssert.EverythingCreatedWasRemoved(ex);
        AssertNothingLeft(env);
    }

    [Fact]
    public async Task StartAsync_FailureWhileAdopting_LeavesTheAdoptedResourcesOutOfTheStraySearch()
    {
        await using var env = await LabCloud.StartAsync();
        var adopted = await env.Seed.InstanceAsync("running", [.. CloudSeed.Owned("instance"), ("Name", "demo-1")]);
        env.LoseNextResponse("RunInstances");
        var lab = env.Lab("demo").Build();

        await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal([adopted], env.Cloud.GetInventory().Instances);
    }

    [Fact]
    public async Task StartAsync_LoadBalancerFails_FailsAtTheWaitAndRollsBack()
    {
        await using var env = await LabCloud.StartAsync();

        // LocalCloud's load balancers always provision: answer as if this one had failed.
        env.EditResponses<Elb.DescribeLoadBalancersResponse>(r => r.LoadBalancers?.ForEach(lb => lb.State = new Elb.LoadBalancerState { Code = "failed", Reason = "test" }));
        var lab = env.Lab("demo").Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        LabAssert.FailedAt(LabAssert.Steps.WaitLoadBalancerActive, ex);
        AssertNothingLeft(env);
    }

    [Fact]
    public async Task StartAsync_InstanceTerminatesWhileStarting_FailsAtTheWaitAndRollsBack()
    {
        await using var env = await LabCloud.StartAsync();
        var terminated = 0;
        env.OnRequest("DescribeInstances", () =>
        {
            // The first poll of the wait (the lab's search came before any launch): terminate what was launched.
            var launched = env.Requests<RunInstancesRequest>().Count;
            if (launched == 2 && Interlocked.Exchange(ref terminated, 1) == 0)
            {
                TerminateLabInstancesAsync(env).GetAwaiter().GetResult();
            }
        });
        var lab = env.Lab("demo").Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        LabAssert.FailedAt(LabAssert.Steps.WaitInstancesRunning, ex);
        AssertNothingLeft(env);
    }

    [Fact]
    public async Task StartAsync_TargetsNeverHealthy_TimesOutOnTheLabClockAndRollsBack()
    {
        await using var env = await LabCloud.StartAsync();
        var time = new AutoAdvancingTime();
        var lab = env.Lab("demo", time)
            .WithHealthCheck(h => h with { Path = "/missing" }) // LocalCloud's httpd answers 404
            .WithTimeouts(t => t with { TargetsHealthy = LabTimeouts.Default.TargetsHealthy })
            .WithPolling(TimeSpan.FromSeconds(5))
            .Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        LabAssert.FailedAt(LabAssert.Steps.WaitTargetsHealthy, ex);
        Assert.IsType<global::AlbBuilder.Waiters.WaiterTimeoutException>(ex.InnerException);
        Assert.True(time.GetUtcNow() - new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero) >= LabTimeouts.Default.TargetsHealthy);
        AssertNothingLeft(env);
    }

    // Mid-graph, every branch in flight sees the cancellation: the step reported is the one whose call ends first.
    private static readonly LabStep[] InFlightWithTheLoadBalancer =
    [
        LabAssert.Steps.CreateLoadBalancer, LabAssert.Steps.CreateTargetGroup, LabAssert.Steps.ModifyTargetGroupAttributes, LabAssert.Steps.CreateInstanceSecurityGroup,
        LabAssert.Steps.AuthorizeInstanceIngress, LabAssert.Steps.RunInstances, LabAssert.Steps.TagInstances, LabAssert.Steps.WaitInstancesRunning,
    ];

    private static readonly LabStep[] InFlightWithTheInstances =
    [
        LabAssert.Steps.RunInstances, LabAssert.Steps.TagInstances, LabAssert.Steps.CreateTargetGroup, LabAssert.Steps.ModifyTargetGroupAttributes,
        LabAssert.Steps.CreateLoadBalancer, LabAssert.Steps.ModifyLoadBalancerAttributes, LabAssert.Steps.WaitLoadBalancerActive, LabAssert.Steps.CreateListener,
    ];

    private static readonly LabStep[] InFlightWithTheListener =
    [
        LabAssert.Steps.CreateListener, LabAssert.Steps.WaitLoadBalancerActive, LabAssert.Steps.RunInstances, LabAssert.Steps.TagInstances,
        LabAssert.Steps.WaitInstancesRunning, LabAssert.Steps.RegisterTargets,
    ];

    public static TheoryData<string, LabStep[]> CancelPoints => new()
    {
        { "CreateLoadBalancer", InFlightWithTheLoadBalancer },
        { "RunInstances", InFlightWithTheInstances },
        { "DescribeTargetHealth", [LabAssert.Steps.WaitTargetsHealthy] }, // the last step: nothing else runs
    };

    [Theory]
    [MemberData(nameof(CancelPoints))]
    public async Task StartAsync_CancelledAtAnyPoint_RollsBackAndThrowsOperationCanceled(string operation, LabStep[] steps)
    {
        await using var env = await LabCloud.StartAsync();
        using var cts = new CancellationTokenSource();
        env.OnRequest(operation, cts.Cancel);
        var lab = env.Lab("demo").Build();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lab.StartAsync(null, cts.Token));

        LabAssert.FailedAtOneOf(steps, Assert.IsType<AlbLabException>(ex.InnerException));
        AssertNothingLeft(env);
    }

    [Fact]
    public async Task StartAsync_GroupNeverVisible_GivesUpAfterBoundedRetries()
    {
        await using var env = await LabCloud.StartAsync();
        env.Cloud.Faults.FailNext("AuthorizeSecurityGroupIngress", 100, "InvalidGroup.NotFound");
        var lab = env.Lab("demo").Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        LabAssert.FailedAt(LabAssert.Steps.AuthorizeLoadBalancerIngress, ex);
        Assert.InRange(env.Count("AuthorizeSecurityGroupIngress"), 6, 12);
        AssertNothingLeft(env);
    }

    [Fact]
    public async Task StartAsync_Cancelled_RollsBackWithAFreshTokenAndThrowsOperationCanceled()
    {
        await using var env = await LabCloud.StartAsync();
        using var cts = new CancellationTokenSource();
        env.OnRequest("CreateListener", cts.Cancel);
        var lab = env.Lab("demo").Build();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lab.StartAsync(null, cts.Token));

        var inner = Assert.IsType<AlbLabException>(ex.InnerException);
        LabAssert.FailedAtOneOf(InFlightWithTheListener, inner);
        LabAssert.SomethingRemoved(inner);
        Assert.Equal(cts.Token, ex.CancellationToken);
        AssertNothingLeft(env);
        Assert.Contains("DeleteLoadBalancer", env.Operations);
    }

    [Fact]
    public async Task StartAsync_CleanUpOff_LeavesWhatItCreatedAndSaysSo()
    {
        await using var env = await LabCloud.StartAsync();
        env.Cloud.Faults.FailNext("DescribeTargetHealth", 1, "InternalFailure", 400, "boom");
        var lab = env.Lab("demo").WithCleanUp(false).Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Contains("Clean-up is off", ex.Message, StringComparison.Ordinal);
        LabAssert.NothingRemoved(ex);
        LabAssert.CreatedCount(7, ex);
        var inventory = env.Cloud.GetInventory();
        Assert.Single(inventory.LoadBalancers);
        Assert.Equal(2, inventory.Instances.Count);
        Assert.DoesNotContain(env.Operations, o => o.StartsWith("Delete", StringComparison.Ordinal) || o == "TerminateInstances");
    }

    [Fact]
    public async Task StartAsync_RollbackItselfFails_SaysWhatIsStillThere()
    {
        await using var env = await LabCloud.StartAsync();
        env.Cloud.Faults.FailNext("DescribeTargetHealth", 1, "InternalFailure", 400, "boom");
        env.Cloud.Faults.FailNext("DeleteLoadBalancer", 1, "OperationNotPermitted", 400, "deletion protection");

        // The load balancer stays, so its group never frees up: the teardown gives up at its timeout, on the lab clock.
        var lab = env.Lab("demo", new AutoAdvancingTime())
            .WithTimeouts(t => t with { Teardown = TimeSpan.FromMinutes(3) })
            .WithPolling(TimeSpan.FromSeconds(5))
            .Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Contains("Rollback failed", ex.Message, StringComparison.Ordinal);
        var lbArn = Assert.Single(env.Cloud.GetInventory().LoadBalancers);
        Assert.Contains(lbArn, ex.Message, StringComparison.Ordinal);
        LabAssert.NotRemoved(lbArn, ex);
        Assert.True(env.Cloud.GetInventory().Instances.Count == 0, ex.Message); // the instance branch still ran
    }

    private static async Task TerminateLabInstancesAsync(LabCloud env)
    {
        var response = await env.Seed.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("tag:" + LabTags.Lab, ["demo"])] });
        var ids = response.Reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId).ToList();
        await env.Seed.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = ids });
    }

    private static void AssertNothingLeft(LabCloud env)
    {
        var inventory = env.Cloud.GetInventory();
        Assert.True(inventory.IsEmpty, inventory.ToString());
    }
}
