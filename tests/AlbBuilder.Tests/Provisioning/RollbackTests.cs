using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Tests.Provisioning;

[Collection(ProvisioningCollection.Name)]
public sealed class RollbackTests
{
    public static TheoryData<string, string> FailingOperations => new()
    {
        { "CreateSecurityGroup", "CreateLoadBalancerSecurityGroup" },
        { "AuthorizeSecurityGroupIngress", "AuthorizeLoadBalancerIngress" },
        { "CreateTargetGroup", "CreateTargetGroup" },
        { "ModifyTargetGroupAttributes", "ModifyTargetGroupAttributes" },
        { "CreateLoadBalancer", "CreateLoadBalancer" },
        { "ModifyLoadBalancerAttributes", "ModifyLoadBalancerAttributes" },
        { "RunInstances", "RunInstances" },
        { "CreateTags", "TagInstances" },
        { "RegisterTargets", "RegisterTargets" },
        { "CreateListener", "CreateListener" },
        { "DescribeTargetHealth", "WaitTargetsHealthy" },
    };

    [Theory]
    [MemberData(nameof(FailingOperations))]
    public async Task StartAsync_FailureAtAnyStep_RollsBackEverythingItCreated(string operation, string step)
    {
        var aws = new FakeAws(zones: 3);
        aws.FailOn(operation, Error(operation));
        var lab = LabFixture.Lab(aws, LabFixture.Definition(instances: 4));

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal(step, ex.Step.ToString());
        Assert.Contains(step, ex.Message, StringComparison.Ordinal);
        Assert.Contains("boom", ex.InnerException!.Message, StringComparison.Ordinal);
        AssertNothingLeft(aws);
        Assert.All(ex.Created, created => Assert.Contains(created, ex.Removed));
        Assert.Equal(LabState.Failed, lab.State);
        Assert.Empty(lab.Resources.InstanceIds);
        Assert.Null(lab.Resources.LoadBalancerArn);
    }

    public static TheoryData<string, int, string> LaterCalls => new()
    {
        { "CreateSecurityGroup", 2, "CreateInstanceSecurityGroup" },
        { "AuthorizeSecurityGroupIngress", 2, "AuthorizeInstanceIngress" },
        { "RunInstances", 2, "RunInstances" },
        { "RunInstances", 3, "RunInstances" },
        { "CreateTags", 3, "TagInstances" },
        { "DescribeInstances", 2, "WaitInstancesRunning" },
        { "DescribeLoadBalancers", 2, "WaitLoadBalancerActive" },
    };

    [Theory]
    [MemberData(nameof(LaterCalls))]
    public async Task StartAsync_FailureAtALaterCall_RollsBackEverythingItCreated(string operation, int callNumber, string step)
    {
        var aws = new FakeAws(zones: 3);
        aws.FailOnCall(operation, callNumber, Error(operation));
        var lab = LabFixture.Lab(aws, LabFixture.Definition(instances: 5));

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal(step, ex.Step.ToString());
        AssertNothingLeft(aws);
        Assert.All(ex.Created, created => Assert.Contains(created, ex.Removed));
    }

    [Fact]
    public async Task StartAsync_FailureAfterEverythingExists_TearsDownInDependencyOrder()
    {
        var aws = new FakeAws();
        aws.FailOn("DescribeTargetHealth", new AmazonElasticLoadBalancingV2Exception("boom"));
        var lab = LabFixture.Lab(aws);

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal(7, ex.Created.Count); // 2 groups, target group, load balancer, 2 instances, listener
        AssertNothingLeft(aws);
        Assert.True(aws.LastIndexOf("DeleteListener") < aws.IndexOf("DeleteLoadBalancer"));
        Assert.True(aws.LastIndexOf("DeleteLoadBalancer") < aws.IndexOf("DeleteTargetGroup"));
        Assert.True(aws.IndexOf("TerminateInstances") < aws.IndexOf("DeleteSecurityGroup"));
        Assert.True(aws.IndexOf("RevokeSecurityGroupIngress") < aws.IndexOf("DeleteSecurityGroup"));
    }

    [Theory]
    [InlineData("RunInstances")]
    [InlineData("CreateLoadBalancer")]
    [InlineData("CreateSecurityGroup")]
    public async Task StartAsync_CreateResponseLost_TheResourceIsFoundByTagAndRolledBack(string operation)
    {
        var aws = new FakeAws();
        aws.LoseResponse(operation);
        var lab = LabFixture.Lab(aws);

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Contains("(created, but its response was lost)", ex.Message, StringComparison.Ordinal);
        Assert.NotEmpty(ex.Created);
        AssertNothingLeft(aws);
    }

    [Fact]
    public async Task StartAsync_FailureWhileAdopting_LeavesTheAdoptedResourcesOutOfTheStraySearch()
    {
        var aws = new FakeAws();
        var adopted = aws.AddInstance("running", [.. LabFixture.Owned("instance"), ("Name", "demo-1")]);
        aws.LoseResponse("RunInstances");
        var lab = LabFixture.Lab(aws);

        await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal([adopted.InstanceId], aws.LiveInstances().Select(i => i.InstanceId));
    }

    [Fact]
    public async Task StartAsync_LoadBalancerFails_FailsAtTheWaitAndRollsBack()
    {
        var aws = new FakeAws { LoadBalancerState = "failed" };
        var lab = LabFixture.Lab(aws);

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal(LabStep.WaitLoadBalancerActive, ex.Step);
        AssertNothingLeft(aws);
    }

    [Fact]
    public async Task StartAsync_InstanceTerminatesWhileStarting_FailsAtTheWaitAndRollsBack()
    {
        var aws = new FakeAws { LaunchedInstanceState = "terminated" };
        var lab = LabFixture.Lab(aws);

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal(LabStep.WaitInstancesRunning, ex.Step);
        AssertNothingLeft(aws);
    }

    [Fact]
    public async Task StartAsync_TargetsNeverHealthy_TimesOutOnTheLabClockAndRollsBack()
    {
        var aws = new FakeAws { TargetState = "unhealthy" };
        var time = new AutoAdvancingTime();
        var lab = LabFixture.Lab(aws, time: time);

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal(LabStep.WaitTargetsHealthy, ex.Step);
        Assert.IsType<global::AlbBuilder.Waiters.WaiterTimeoutException>(ex.InnerException);
        Assert.True(time.GetUtcNow() - new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero) >= LabTimeouts.Default.TargetsHealthy);
        AssertNothingLeft(aws);
    }

    [Theory]
    [InlineData("CreateLoadBalancer", "CreateLoadBalancer")]
    [InlineData("RunInstances", "RunInstances")]
    [InlineData("DescribeTargetHealth", "WaitTargetsHealthy")]
    public async Task StartAsync_CancelledAtAnyPoint_RollsBackAndThrowsOperationCanceled(string operation, string step)
    {
        var aws = new FakeAws();
        using var cts = new CancellationTokenSource();
        aws.OnCall(operation, _ => cts.Cancel());
        var lab = LabFixture.Lab(aws);

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lab.StartAsync(null, cts.Token));

        Assert.Equal(step, Assert.IsType<AlbLabException>(ex.InnerException).Step.ToString());
        AssertNothingLeft(aws);
    }

    [Fact]
    public async Task StartAsync_GroupNeverVisible_GivesUpAfterBoundedRetries()
    {
        var aws = new FakeAws();
        aws.FailOn("AuthorizeSecurityGroupIngress", FakeAws.Ec2Error("InvalidGroup.NotFound"), times: 100);
        var lab = LabFixture.Lab(aws);

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal(LabStep.AuthorizeLoadBalancerIngress, ex.Step);
        Assert.InRange(aws.Count("AuthorizeSecurityGroupIngress"), 6, 12);
        AssertNothingLeft(aws);
    }

    [Fact]
    public async Task StartAsync_Cancelled_RollsBackWithAFreshTokenAndThrowsOperationCanceled()
    {
        var aws = new FakeAws();
        using var cts = new CancellationTokenSource();
        aws.OnCall("CreateListener", _ => cts.Cancel());
        var lab = LabFixture.Lab(aws);

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lab.StartAsync(null, cts.Token));

        var inner = Assert.IsType<AlbLabException>(ex.InnerException);
        Assert.Equal(LabStep.CreateListener, inner.Step);
        Assert.NotEmpty(inner.Removed);
        Assert.Equal(cts.Token, ex.CancellationToken);
        AssertNothingLeft(aws);
        Assert.Contains("DeleteLoadBalancer", aws.Operations);
    }

    [Fact]
    public async Task StartAsync_CleanUpOff_LeavesWhatItCreatedAndSaysSo()
    {
        var aws = new FakeAws();
        aws.FailOn("DescribeTargetHealth", new AmazonElasticLoadBalancingV2Exception("boom"));
        var lab = LabFixture.Lab(aws, LabFixture.Definition(cleanUp: false));

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Contains("Clean-up is off", ex.Message, StringComparison.Ordinal);
        Assert.Empty(ex.Removed);
        Assert.Equal(7, ex.Created.Count);
        Assert.Single(aws.LoadBalancers);
        Assert.Equal(2, aws.LiveInstances().Count);
        Assert.DoesNotContain(aws.Operations, o => o.StartsWith("Delete", StringComparison.Ordinal) || o == "TerminateInstances");
    }

    [Fact]
    public async Task StartAsync_RollbackItselfFails_SaysWhatIsStillThere()
    {
        var aws = new FakeAws();
        aws.FailOn("DescribeTargetHealth", new AmazonElasticLoadBalancingV2Exception("boom"));
        aws.FailOn("DeleteLoadBalancer", new OperationNotPermittedException("deletion protection"));
        var lab = LabFixture.Lab(aws);

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Contains("Rollback failed", ex.Message, StringComparison.Ordinal);
        var lbArn = aws.LoadBalancers.Keys.Single();
        Assert.Contains(lbArn, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ex.Removed, r => r.Id == lbArn);
        Assert.Empty(aws.LiveInstances()); // the instance branch still ran
    }

    private static Exception Error(string operation) => operation switch
    {
        "CreateSecurityGroup" or "AuthorizeSecurityGroupIngress" or "RunInstances" or "CreateTags" or "DescribeInstances" => FakeAws.Ec2Error("boom"),
        _ => new AmazonElasticLoadBalancingV2Exception("boom"),
    };

    private static void AssertNothingLeft(FakeAws aws)
    {
        Assert.Empty(aws.SecurityGroups);
        Assert.Empty(aws.LiveInstances());
        Assert.Empty(aws.LoadBalancers);
        Assert.Empty(aws.TargetGroups);
        Assert.Empty(aws.Listeners);
    }
}
