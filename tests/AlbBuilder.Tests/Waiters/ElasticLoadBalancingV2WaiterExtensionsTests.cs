using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Waiters;
using NSubstitute;

namespace AlbBuilder.Tests.Waiters;

public sealed class ElasticLoadBalancingV2WaiterExtensionsTests
{
    private const string LbArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/lab/1";
    private const string LbArn2 = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/lab2/2";
    private const string TgArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/lab/3";
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(15);

    private static readonly TargetDescription[] Targets = [new() { Id = "i-1", Port = 80 }, new() { Id = "i-2", Port = 80 }];

    private readonly WaiterClock _clock = new();
    private readonly IAmazonElasticLoadBalancingV2 _elbv2 = Substitute.For<IAmazonElasticLoadBalancingV2>();

    private static LoadBalancer LoadBalancer(string arn, string state, string? reason = null) => new()
    {
        LoadBalancerArn = arn,
        LoadBalancerName = arn.Split('/')[^2],
        DNSName = "lab-1.us-east-1.elb.amazonaws.com",
        State = new LoadBalancerState { Code = LoadBalancerStateEnum.FindValue(state), Reason = reason },
    };

    private static Task<DescribeLoadBalancersResponse> LoadBalancers(params LoadBalancer[] loadBalancers) =>
        Task.FromResult(new DescribeLoadBalancersResponse { LoadBalancers = [.. loadBalancers] });

    private static Task<T> Fails<T>(string code, string message = "The resource does not exist") =>
        Task.FromException<T>(Errors.Elbv2(code, message));

    private static TargetHealthDescription Health(string id, string state, string? reason = null, string? description = null) => new()
    {
        Target = new TargetDescription { Id = id, Port = 80 },
        TargetHealth = new TargetHealth
        {
            State = TargetHealthStateEnum.FindValue(state),
            Reason = reason is null ? null : TargetHealthReasonEnum.FindValue(reason),
            Description = description,
        },
    };

    private static Task<DescribeTargetHealthResponse> TargetHealth(params TargetHealthDescription[] descriptions) =>
        Task.FromResult(new DescribeTargetHealthResponse { TargetHealthDescriptions = [.. descriptions] });

    private void LoadBalancersReturn(Task<DescribeLoadBalancersResponse> first, params Task<DescribeLoadBalancersResponse>[] rest) =>
        _elbv2.DescribeLoadBalancersAsync(Arg.Any<DescribeLoadBalancersRequest>(), Arg.Any<CancellationToken>()).Returns(first, rest);

    private void TargetHealthReturns(Task<DescribeTargetHealthResponse> first, params Task<DescribeTargetHealthResponse>[] rest) =>
        _elbv2.DescribeTargetHealthAsync(Arg.Any<DescribeTargetHealthRequest>(), Arg.Any<CancellationToken>()).Returns(first, rest);

    private int Calls(string method) => _elbv2.ReceivedCalls().Count(call => call.GetMethodInfo().Name == method);

    // ---- LoadBalancerAvailable ----

    [Fact]
    public async Task WaitUntilLoadBalancerAvailable_Active_ReturnsTheLoadBalancerAfterOneCall()
    {
        LoadBalancersReturn(LoadBalancers(LoadBalancer(LbArn, "active")));

        var lb = await WaiterClock.Now(_elbv2.WaitUntilLoadBalancerAvailableAsync(LbArn, _clock.Options()));

        Assert.Equal(LbArn, lb.LoadBalancerArn);
        await _elbv2.Received(1).DescribeLoadBalancersAsync(
            Arg.Is<DescribeLoadBalancersRequest>(request => request.LoadBalancerArns!.Single() == LbArn),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task WaitUntilLoadBalancerAvailable_ProvisioningThenActive_CallsAgainOnlyAfterTheDelay()
    {
        LoadBalancersReturn(LoadBalancers(LoadBalancer(LbArn, "provisioning")), LoadBalancers(LoadBalancer(LbArn, "active")));

        var task = _elbv2.WaitUntilLoadBalancerAvailableAsync(LbArn, _clock.Options());
        _clock.Time.Advance(Delay - Tick);
        await WaiterClock.SettleAsync();
        Assert.Equal(1, Calls(nameof(IAmazonElasticLoadBalancingV2.DescribeLoadBalancersAsync)));

        _clock.Time.Advance(Tick);
        await WaiterClock.SettleUntilAsync(() => task.IsCompleted);

        Assert.Equal("active", (await task).State!.Code!.Value);
        Assert.Equal(2, Calls(nameof(IAmazonElasticLoadBalancingV2.DescribeLoadBalancersAsync)));
        Assert.Equal("lab: provisioning", _clock.Progress.Reports[0].Summary);
    }

    [Fact]
    public async Task WaitUntilLoadBalancerAvailable_NotFoundThenActive_RetriesTheNotFound()
    {
        LoadBalancersReturn(Fails<DescribeLoadBalancersResponse>("LoadBalancerNotFound"), LoadBalancers(LoadBalancer(LbArn, "active")));

        var lb = await _clock.RunAsync(_elbv2.WaitUntilLoadBalancerAvailableAsync(LbArn, _clock.Options()), Delay);

        Assert.Equal(LbArn, lb.LoadBalancerArn);
        Assert.Equal("LoadBalancerNotFound", _clock.Progress.Reports[0].ObservedStates.Single().State);
    }

    [Fact]
    public async Task WaitUntilLoadBalancerAvailable_Failed_ThrowsAtOnceWithTheReason()
    {
        LoadBalancersReturn(LoadBalancers(LoadBalancer(LbArn, "failed", "Insufficient capacity")));

        var error = await Assert.ThrowsAsync<WaiterFailedException>(() => WaiterClock.Now(_elbv2.WaitUntilLoadBalancerAvailableAsync(LbArn, _clock.Options())));

        Assert.Equal("failed", error.FailedState);
        Assert.Contains("LoadBalancerAvailable", error.Message, StringComparison.Ordinal);
        Assert.Contains("lab: failed (Insufficient capacity)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitUntilLoadBalancerAvailable_ActiveImpaired_KeepsWaiting()
    {
        LoadBalancersReturn(LoadBalancers(LoadBalancer(LbArn, "active_impaired")), LoadBalancers(LoadBalancer(LbArn, "active")));

        await _clock.RunAsync(_elbv2.WaitUntilLoadBalancerAvailableAsync(LbArn, _clock.Options()), Delay);

        Assert.Equal(WaiterState.Retry, _clock.Progress.Reports[0].Outcome);
        Assert.Equal(2, Calls(nameof(IAmazonElasticLoadBalancingV2.DescribeLoadBalancersAsync)));
    }

    [Fact]
    public async Task WaitUntilLoadBalancerAvailable_StaysProvisioning_TimesOutWithTheLastState()
    {
        LoadBalancersReturn(LoadBalancers(LoadBalancer(LbArn, "provisioning")));

        var error = await Assert.ThrowsAsync<WaiterTimeoutException>(
            () => _clock.RunAsync(_elbv2.WaitUntilLoadBalancerAvailableAsync(LbArn, _clock.Options()), Delay));

        Assert.Equal(TimeSpan.FromMinutes(10), error.Elapsed);
        Assert.Equal(new ObservedState("lab", "provisioning"), error.ObservedStates.Single());
    }

    [Fact]
    public async Task WaitUntilLoadBalancerAvailable_UnexpectedError_Propagates()
    {
        LoadBalancersReturn(Fails<DescribeLoadBalancersResponse>("AccessDenied"));

        var error = await Assert.ThrowsAsync<AmazonElasticLoadBalancingV2Exception>(() => WaiterClock.Now(_elbv2.WaitUntilLoadBalancerAvailableAsync(LbArn, _clock.Options())));

        Assert.Equal("AccessDenied", error.ErrorCode);
    }

    [Fact]
    public async Task WaitUntilLoadBalancerAvailable_Canceled_ThrowsOperationCanceledPromptly()
    {
        LoadBalancersReturn(LoadBalancers(LoadBalancer(LbArn, "provisioning")));
        using var cancellation = new CancellationTokenSource();

        var task = _elbv2.WaitUntilLoadBalancerAvailableAsync(LbArn, _clock.Options(), cancellation.Token);
        cancellation.Cancel(); // Synchronous: the waiter observes it inline, no thread-pool hop to wait for.
        await WaiterClock.SettleUntilAsync(() => task.IsCompleted);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    // ---- LoadBalancersDeleted ----

    [Fact]
    public async Task WaitUntilLoadBalancersDeleted_NotFound_SucceedsAfterOneCall()
    {
        LoadBalancersReturn(Fails<DescribeLoadBalancersResponse>("LoadBalancerNotFound"));

        await WaiterClock.Now(_elbv2.WaitUntilLoadBalancersDeletedAsync([LbArn], _clock.Options()));

        Assert.Equal(1, Calls(nameof(IAmazonElasticLoadBalancingV2.DescribeLoadBalancersAsync)));
        Assert.Equal(new ObservedState(LbArn, "deleted", "LoadBalancerNotFound"), _clock.Progress.Reports.Single().ObservedStates.Single());
    }

    [Fact]
    public async Task WaitUntilLoadBalancersDeleted_ActiveThenNotReturned_Succeeds()
    {
        LoadBalancersReturn(LoadBalancers(LoadBalancer(LbArn, "active")), LoadBalancers());

        var task = _elbv2.WaitUntilLoadBalancersDeletedAsync([LbArn], _clock.Options());
        _clock.Time.Advance(Delay - Tick);
        await WaiterClock.SettleAsync();
        Assert.False(task.IsCompleted);
        _clock.Time.Advance(Tick);
        await WaiterClock.SettleUntilAsync(() => task.IsCompleted);
        await task;

        Assert.Equal(2, Calls(nameof(IAmazonElasticLoadBalancingV2.DescribeLoadBalancersAsync)));
        Assert.Equal("lab: active", _clock.Progress.Reports[0].Summary);
    }

    [Fact]
    public async Task WaitUntilLoadBalancersDeleted_OneOfTwoGone_KeepsWaitingForTheOther()
    {
        // One DescribeLoadBalancers call with both ARNs would fail with LoadBalancerNotFound as soon as one is gone.
        _elbv2.DescribeLoadBalancersAsync(Arg.Is<DescribeLoadBalancersRequest>(r => r.LoadBalancerArns!.Contains(LbArn)), Arg.Any<CancellationToken>())
            .Returns(Fails<DescribeLoadBalancersResponse>("LoadBalancerNotFound"));
        _elbv2.DescribeLoadBalancersAsync(Arg.Is<DescribeLoadBalancersRequest>(r => r.LoadBalancerArns!.Contains(LbArn2)), Arg.Any<CancellationToken>())
            .Returns(LoadBalancers(LoadBalancer(LbArn2, "active")), Fails<DescribeLoadBalancersResponse>("LoadBalancerNotFound"));

        await _clock.RunAsync(_elbv2.WaitUntilLoadBalancersDeletedAsync([LbArn, LbArn2], _clock.Options()), Delay);

        Assert.Equal(2, _clock.Progress.Reports.Count);
        Assert.Equal($"{LbArn}: deleted (LoadBalancerNotFound), lab2: active", _clock.Progress.Reports[0].Summary);
        Assert.All(_elbv2.ReceivedCalls(), call => Assert.Single(((DescribeLoadBalancersRequest)call.GetArguments()[0]!).LoadBalancerArns!));
    }

    [Fact]
    public async Task WaitUntilLoadBalancersDeleted_NeverGone_TimesOutListingWhatIsLeft()
    {
        LoadBalancersReturn(LoadBalancers(LoadBalancer(LbArn, "active")));
        var options = _clock.Options() with { Timeout = TimeSpan.FromMinutes(1) };

        var error = await Assert.ThrowsAsync<WaiterTimeoutException>(() => _clock.RunAsync(_elbv2.WaitUntilLoadBalancersDeletedAsync([LbArn], options), Delay));

        Assert.Equal("LoadBalancersDeleted", error.WaiterName);
        Assert.Equal(new ObservedState("lab", "active"), error.ObservedStates.Single());
    }

    [Fact]
    public async Task WaitUntilLoadBalancersDeleted_UnexpectedError_Propagates()
    {
        LoadBalancersReturn(Fails<DescribeLoadBalancersResponse>("Throttling"));

        var error = await Assert.ThrowsAsync<AmazonElasticLoadBalancingV2Exception>(() => WaiterClock.Now(_elbv2.WaitUntilLoadBalancersDeletedAsync([LbArn], _clock.Options())));

        Assert.Equal("Throttling", error.ErrorCode);
    }

    // ---- TargetInService ----

    [Fact]
    public async Task WaitUntilTargetsInService_AllHealthy_ReturnsTheirHealthAfterOneCall()
    {
        TargetHealthReturns(TargetHealth(Health("i-1", "healthy"), Health("i-2", "healthy")));

        var health = await WaiterClock.Now(_elbv2.WaitUntilTargetsInServiceAsync(TgArn, Targets, _clock.Options()));

        Assert.Equal(["i-1", "i-2"], health.Select(description => description.Target!.Id));
        await _elbv2.Received(1).DescribeTargetHealthAsync(
            Arg.Is<DescribeTargetHealthRequest>(request => request.TargetGroupArn == TgArn
                && request.Targets!.Select(target => target.Id).SequenceEqual(new[] { "i-1", "i-2" })),
            Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("initial", "Elb.InitialHealthChecking")]
    [InlineData("unhealthy", "Target.FailedHealthChecks")]
    [InlineData("draining", "Target.DeregistrationInProgress")]
    [InlineData("unused", "Target.NotInUse")]
    public async Task WaitUntilTargetsInService_NotYetHealthy_RetriesUntilHealthy(string state, string reason)
    {
        TargetHealthReturns(
            TargetHealth(Health("i-1", state, reason), Health("i-2", "healthy")),
            TargetHealth(Health("i-1", "healthy"), Health("i-2", "healthy")));

        var task = _elbv2.WaitUntilTargetsInServiceAsync(TgArn, Targets, _clock.Options());
        _clock.Time.Advance(Delay - Tick);
        await WaiterClock.SettleAsync();
        Assert.Equal(1, Calls(nameof(IAmazonElasticLoadBalancingV2.DescribeTargetHealthAsync)));
        _clock.Time.Advance(Tick);
        await WaiterClock.SettleUntilAsync(() => task.IsCompleted);

        Assert.All(await task, description => Assert.Equal("healthy", description.TargetHealth!.State!.Value));
        Assert.Equal($"i-1:80: {state} ({reason}), i-2:80: healthy", _clock.Progress.Reports[0].Summary);
    }

    [Fact]
    public async Task WaitUntilTargetsInService_StoppedInstance_FailsAtOnce()
    {
        TargetHealthReturns(TargetHealth(
            Health("i-1", "healthy"),
            Health("i-2", "unused", "Target.InvalidState", "Target is in the stopped state")));

        var error = await Assert.ThrowsAsync<WaiterFailedException>(() => WaiterClock.Now(_elbv2.WaitUntilTargetsInServiceAsync(TgArn, Targets, _clock.Options())));

        Assert.Equal("unused (Target.InvalidState)", error.FailedState);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("TargetInService", error.Message, StringComparison.Ordinal);
        Assert.Contains("i-2:80: unused (Target.InvalidState: Target is in the stopped state)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitUntilTargetsInService_InvalidTarget_FailsAtOnceWithTheServiceError()
    {
        TargetHealthReturns(Fails<DescribeTargetHealthResponse>("InvalidTarget", "The following targets are not valid: i-2"));

        var error = await Assert.ThrowsAsync<WaiterFailedException>(() => WaiterClock.Now(_elbv2.WaitUntilTargetsInServiceAsync(TgArn, Targets, _clock.Options())));

        Assert.Equal("InvalidTarget", error.FailedState);
        Assert.Equal("InvalidTarget", Assert.IsAssignableFrom<AmazonElasticLoadBalancingV2Exception>(error.InnerException).ErrorCode);
        Assert.Contains("The following targets are not valid: i-2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitUntilTargetsInService_StaysUnhealthy_TimesOutWithReasonsAndDescriptions()
    {
        TargetHealthReturns(TargetHealth(
            Health("i-1", "unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [502]"),
            Health("i-2", "healthy")));
        var options = _clock.Options() with { Timeout = TimeSpan.FromMinutes(3) };

        var error = await Assert.ThrowsAsync<WaiterTimeoutException>(() => _clock.RunAsync(_elbv2.WaitUntilTargetsInServiceAsync(TgArn, Targets, options), Delay));

        Assert.Equal(
            [
                new ObservedState("i-1:80", "unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [502]"),
                new ObservedState("i-2:80", "healthy"),
            ],
            error.ObservedStates);
        Assert.Contains("Health checks failed with these codes: [502]", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(3), error.Elapsed);
    }

    [Fact]
    public async Task WaitUntilTargetsInService_TargetGroupNotFound_Propagates()
    {
        TargetHealthReturns(Fails<DescribeTargetHealthResponse>("TargetGroupNotFound"));

        var error = await Assert.ThrowsAsync<AmazonElasticLoadBalancingV2Exception>(() => WaiterClock.Now(_elbv2.WaitUntilTargetsInServiceAsync(TgArn, Targets, _clock.Options())));

        Assert.Equal("TargetGroupNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task WaitUntilTargetsInService_NoTargets_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => WaiterClock.Now(_elbv2.WaitUntilTargetsInServiceAsync(TgArn, [], _clock.Options())));
        await Assert.ThrowsAsync<ArgumentException>(() => WaiterClock.Now(_elbv2.WaitUntilTargetsInServiceAsync(TgArn, [new TargetDescription()], _clock.Options())));
        await Assert.ThrowsAsync<ArgumentException>(() => WaiterClock.Now(_elbv2.WaitUntilTargetsInServiceAsync(" ", Targets, _clock.Options())));
        Assert.Empty(_elbv2.ReceivedCalls());
    }

    [Fact]
    public async Task WaitUntilTargetsInService_NullHealth_IsRetriedNotCrashed()
    {
        TargetHealthReturns(
            Task.FromResult(new DescribeTargetHealthResponse { TargetHealthDescriptions = null }),
            TargetHealth(new TargetHealthDescription { Target = null, TargetHealth = null }),
            TargetHealth(Health("i-1", "healthy")));

        var health = await _clock.RunAsync(_elbv2.WaitUntilTargetsInServiceAsync(TgArn, Targets, _clock.Options()), Delay);

        Assert.Single(health);
        Assert.Equal("(unknown): (unknown)", _clock.Progress.Reports[1].Summary);
    }

    // ---- TargetDeregistered ----

    [Fact]
    public async Task WaitUntilTargetsDeregistered_DrainingThenNotRegistered_Succeeds()
    {
        TargetHealthReturns(
            TargetHealth(Health("i-1", "draining", "Target.DeregistrationInProgress"), Health("i-2", "unused", "Target.NotRegistered")),
            TargetHealth(Health("i-1", "unused", "Target.NotRegistered"), Health("i-2", "unused", "Target.NotRegistered")));

        var health = await _clock.RunAsync(_elbv2.WaitUntilTargetsDeregisteredAsync(TgArn, Targets, _clock.Options()), Delay);

        Assert.Equal(2, health.Count);
        Assert.Equal(2, Calls(nameof(IAmazonElasticLoadBalancingV2.DescribeTargetHealthAsync)));
        Assert.Equal("TargetDeregistered", _clock.Progress.Reports[0].WaiterName);
    }

    [Fact]
    public async Task WaitUntilTargetsDeregistered_InvalidTarget_CountsAsSuccess()
    {
        TargetHealthReturns(Fails<DescribeTargetHealthResponse>("InvalidTarget"));

        var health = await WaiterClock.Now(_elbv2.WaitUntilTargetsDeregisteredAsync(TgArn, Targets, _clock.Options()));

        Assert.Empty(health);
        Assert.Equal(WaiterState.Success, _clock.Progress.Reports.Single().Outcome);
    }

    [Fact]
    public async Task WaitUntilTargetsDeregistered_StoppedButStillRegistered_IsNotDeregistered()
    {
        // The official waiter would accept any 'unused'; a stopped instance is unused yet still registered.
        TargetHealthReturns(TargetHealth(Health("i-1", "unused", "Target.InvalidState")));
        var options = _clock.Options() with { Timeout = TimeSpan.FromMinutes(1) };

        var error = await Assert.ThrowsAsync<WaiterTimeoutException>(() => _clock.RunAsync(_elbv2.WaitUntilTargetsDeregisteredAsync(TgArn, Targets, options), Delay));

        Assert.Equal("Target.InvalidState", error.ObservedStates.Single().Reason);
    }

    [Fact]
    public async Task WaitUntilTargetsDeregistered_UnexpectedError_Propagates()
    {
        TargetHealthReturns(Fails<DescribeTargetHealthResponse>("TargetGroupNotFound"));

        await Assert.ThrowsAsync<AmazonElasticLoadBalancingV2Exception>(() => WaiterClock.Now(_elbv2.WaitUntilTargetsDeregisteredAsync(TgArn, Targets, _clock.Options())));
    }

    // ---- TargetUnused (failover drill) ----

    [Fact]
    public async Task WaitUntilTargetsUnused_HealthyThenStopped_SucceedsWithTheInvalidStateReason()
    {
        var target = new[] { new TargetDescription { Id = "i-1", Port = 80 } };
        TargetHealthReturns(
            TargetHealth(Health("i-1", "healthy")),
            TargetHealth(Health("i-1", "unhealthy", "Target.Timeout")),
            TargetHealth(Health("i-1", "unused", "Target.InvalidState", "Target is in the stopped state")));

        var task = _elbv2.WaitUntilTargetsUnusedAsync(TgArn, target, _clock.Options());
        var health = await _clock.RunAsync(task, Delay);

        Assert.Equal("Target.InvalidState", health.Single().TargetHealth!.Reason!.Value);
        Assert.Equal(3, Calls(nameof(IAmazonElasticLoadBalancingV2.DescribeTargetHealthAsync)));
        Assert.Equal(["TargetUnused"], _clock.Progress.Reports.Select(report => report.WaiterName).Distinct());
    }

    [Fact]
    public async Task WaitUntilTargetsUnused_InvalidTarget_CountsAsSuccess()
    {
        TargetHealthReturns(Fails<DescribeTargetHealthResponse>("InvalidTarget"));

        Assert.Empty(await WaiterClock.Now(_elbv2.WaitUntilTargetsUnusedAsync(TgArn, Targets, _clock.Options())));
    }

    [Fact]
    public async Task WaitUntilTargetsUnused_OneStillHealthy_TimesOut()
    {
        TargetHealthReturns(TargetHealth(Health("i-1", "unused", "Target.InvalidState"), Health("i-2", "healthy")));
        var options = _clock.Options() with { Timeout = TimeSpan.FromSeconds(45) };

        var error = await Assert.ThrowsAsync<WaiterTimeoutException>(() => _clock.RunAsync(_elbv2.WaitUntilTargetsUnusedAsync(TgArn, Targets, options), Delay));

        Assert.Equal(4, error.Attempts);
        Assert.Contains("i-1:80: unused (Target.InvalidState), i-2:80: healthy", error.Message, StringComparison.Ordinal);
    }
}
