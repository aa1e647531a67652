using AlbBuilder.Waiters;
using Amazon.EC2;
using Amazon.EC2.Model;
using NSubstitute;

namespace AlbBuilder.Tests.Waiters;

public sealed class Ec2WaiterExtensionsTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(15);

    private readonly WaiterClock _clock = new();
    private readonly IAmazonEC2 _ec2 = Substitute.For<IAmazonEC2>();

    private static Instance Instance(string id, string state, string? reasonCode = null, string? reasonMessage = null) => new()
    {
        InstanceId = id,
        State = new InstanceState { Name = InstanceStateName.FindValue(state) },
        StateReason = reasonCode is null ? null : new StateReason { Code = reasonCode, Message = reasonMessage },
    };

    private static Task<DescribeInstancesResponse> Described(params Instance[] instances) =>
        Task.FromResult(new DescribeInstancesResponse { Reservations = [new Reservation { Instances = [.. instances] }] });

    private static Task<DescribeInstancesResponse> Fails(string code) =>
        Task.FromException<DescribeInstancesResponse>(Errors.Ec2(code));

    private void DescribeReturns(Task<DescribeInstancesResponse> first, params Task<DescribeInstancesResponse>[] rest) =>
        _ec2.DescribeInstancesAsync(Arg.Any<DescribeInstancesRequest>(), Arg.Any<CancellationToken>()).Returns(first, rest);

    private int DescribeCalls => _ec2.ReceivedCalls().Count(call => call.GetMethodInfo().Name == nameof(IAmazonEC2.DescribeInstancesAsync));

    [Fact]
    public async Task WaitUntilInstancesRunning_AllRunning_ReturnsInstancesAfterOneCall()
    {
        DescribeReturns(Described(Instance("i-1", "running"), Instance("i-2", "running")));

        var instances = await WaiterClock.Now(_ec2.WaitUntilInstancesRunningAsync(["i-1", "i-2"], _clock.Options()));

        Assert.Equal(["i-1", "i-2"], instances.Select(instance => instance.InstanceId));
        await _ec2.Received(1).DescribeInstancesAsync(
            Arg.Is<DescribeInstancesRequest>(request => request.InstanceIds.SequenceEqual(new[] { "i-1", "i-2" })),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task WaitUntilInstancesRunning_PendingThenRunning_CallsAgainOnlyAfterTheDelay()
    {
        DescribeReturns(
            Described(Instance("i-1", "pending"), Instance("i-2", "running")),
            Described(Instance("i-1", "running"), Instance("i-2", "running")));

        var task = _ec2.WaitUntilInstancesRunningAsync(["i-1", "i-2"], _clock.Options());
        _clock.Time.Advance(Delay - Tick);
        await WaiterClock.SettleAsync();
        Assert.Equal(1, DescribeCalls);

        _clock.Time.Advance(Tick);
        await WaiterClock.SettleUntilAsync(() => task.IsCompleted);

        Assert.All(await task, instance => Assert.Equal("running", instance.State.Name.Value));
        Assert.Equal(2, DescribeCalls);
        Assert.Equal("i-1: pending, i-2: running", _clock.Progress.Reports[0].Summary);
        Assert.Equal("InstanceRunning", _clock.Progress.Reports[0].WaiterName);
    }

    [Theory]
    [InlineData("shutting-down")]
    [InlineData("terminated")]
    [InlineData("stopping")]
    public async Task WaitUntilInstancesRunning_InstanceInFailureState_ThrowsAtOnce(string state)
    {
        DescribeReturns(Described(Instance("i-1", "running"), Instance("i-2", state, "Client.UserInitiatedShutdown", "User initiated shutdown")));

        var error = await Assert.ThrowsAsync<WaiterFailedException>(() => WaiterClock.Now(_ec2.WaitUntilInstancesRunningAsync(["i-1", "i-2"], _clock.Options())));

        Assert.Equal(state, error.FailedState);
        Assert.Equal(1, DescribeCalls);
        Assert.Contains("InstanceRunning", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{state}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"i-2: {state} (Client.UserInitiatedShutdown: User initiated shutdown)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitUntilInstancesRunning_NotFoundThenRunning_RetriesTheNotFound()
    {
        DescribeReturns(Fails("InvalidInstanceID.NotFound"), Described(Instance("i-1", "running")));

        var instances = await _clock.RunAsync(_ec2.WaitUntilInstancesRunningAsync(["i-1"], _clock.Options()), Delay);

        Assert.Single(instances);
        Assert.Equal(2, DescribeCalls);
        Assert.Equal(new ObservedState("i-1", "InvalidInstanceID.NotFound", Description: "The resource does not exist"), _clock.Progress.Reports[0].ObservedStates.Single());
    }

    [Fact]
    public async Task WaitUntilInstancesRunning_StaysPending_TimesOutWithTheLastStates()
    {
        DescribeReturns(Described(Instance("i-1", "pending"), Instance("i-2", "running")));
        var options = _clock.Options() with { Timeout = TimeSpan.FromMinutes(2) };

        var error = await Assert.ThrowsAsync<WaiterTimeoutException>(
            () => _clock.RunAsync(_ec2.WaitUntilInstancesRunningAsync(["i-1", "i-2"], options), Delay));

        Assert.Equal([new ObservedState("i-1", "pending"), new ObservedState("i-2", "running")], error.ObservedStates);
        Assert.Equal(TimeSpan.FromMinutes(2), error.Elapsed);
        Assert.Contains("i-1: pending, i-2: running", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitUntilInstancesRunning_UnexpectedError_Propagates()
    {
        DescribeReturns(Fails("UnauthorizedOperation"));

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => WaiterClock.Now(_ec2.WaitUntilInstancesRunningAsync(["i-1"], _clock.Options())));

        Assert.Equal("UnauthorizedOperation", error.ErrorCode);
    }

    [Fact]
    public async Task WaitUntilInstancesRunning_SecondPage_IsReadInTheSameAttempt()
    {
        _ec2.DescribeInstancesAsync(Arg.Is<DescribeInstancesRequest>(r => r.NextToken == null), Arg.Any<CancellationToken>())
            .Returns(new DescribeInstancesResponse { Reservations = [new Reservation { Instances = [Instance("i-1", "running")] }], NextToken = "page-2" });
        _ec2.DescribeInstancesAsync(Arg.Is<DescribeInstancesRequest>(r => r.NextToken == "page-2"), Arg.Any<CancellationToken>())
            .Returns(new DescribeInstancesResponse { Reservations = [new Reservation { Instances = [Instance("i-2", "terminated")] }] });

        // The terminated instance is only on page 2: the waiter must see it.
        var error = await Assert.ThrowsAsync<WaiterFailedException>(() => WaiterClock.Now(_ec2.WaitUntilInstancesRunningAsync(["i-1", "i-2"], _clock.Options())));

        Assert.Equal("terminated", error.FailedState);
        Assert.Equal(2, DescribeCalls);
    }

    [Fact]
    public async Task WaitUntilInstancesRunning_NullCollections_AreRetriedNotCrashed()
    {
        DescribeReturns(
            Task.FromResult(new DescribeInstancesResponse { Reservations = null }),
            Task.FromResult(new DescribeInstancesResponse { Reservations = [new Reservation { Instances = null }] }),
            Task.FromResult(new DescribeInstancesResponse { Reservations = [new Reservation { Instances = [new Instance { InstanceId = "i-1", State = null }] }] }),
            Described(Instance("i-1", "running")));

        var instances = await _clock.RunAsync(_ec2.WaitUntilInstancesRunningAsync(["i-1"], _clock.Options()), Delay);

        Assert.Single(instances);
        Assert.Equal(4, DescribeCalls);
        Assert.Equal("i-1: (unknown)", _clock.Progress.Reports[2].Summary);
    }

    [Fact]
    public async Task WaitUntilInstancesRunning_DuplicateIds_AreDescribedOnce()
    {
        DescribeReturns(Described(Instance("i-1", "running")));

        await WaiterClock.Now(_ec2.WaitUntilInstancesRunningAsync(["i-1", "i-1"], _clock.Options()));

        await _ec2.Received(1).DescribeInstancesAsync(
            Arg.Is<DescribeInstancesRequest>(request => request.InstanceIds.SequenceEqual(new[] { "i-1" })),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task WaitUntilInstancesRunning_NoIds_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => WaiterClock.Now(_ec2.WaitUntilInstancesRunningAsync([], _clock.Options())));
        await Assert.ThrowsAsync<ArgumentException>(() => WaiterClock.Now(_ec2.WaitUntilInstancesRunningAsync(["i-1", " "], _clock.Options())));
        Assert.Equal(0, DescribeCalls);
    }

    [Fact]
    public async Task WaitUntilInstancesRunning_Canceled_ThrowsOperationCanceledPromptly()
    {
        DescribeReturns(Described(Instance("i-1", "pending")));
        using var cancellation = new CancellationTokenSource();

        var task = _ec2.WaitUntilInstancesRunningAsync(["i-1"], _clock.Options(), cancellation.Token);
        cancellation.Cancel(); // Synchronous: the waiter observes it inline, no thread-pool hop to wait for.
        await WaiterClock.SettleUntilAsync(() => task.IsCompleted);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Equal(1, DescribeCalls);
    }

    [Fact]
    public async Task WaitUntilInstancesStopped_StoppingThenStopped_Succeeds()
    {
        DescribeReturns(Described(Instance("i-1", "stopping")), Described(Instance("i-1", "stopped", "Client.UserInitiatedShutdown")));

        var instances = await _clock.RunAsync(_ec2.WaitUntilInstancesStoppedAsync(["i-1"], _clock.Options()), Delay);

        Assert.Equal("stopped", instances.Single().State.Name.Value);
        Assert.Equal(2, DescribeCalls);
        Assert.Equal("InstanceStopped", _clock.Progress.Reports[1].WaiterName);
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("terminated")]
    public async Task WaitUntilInstancesStopped_InstanceInFailureState_ThrowsAtOnce(string state)
    {
        DescribeReturns(Described(Instance("i-1", state)));

        var error = await Assert.ThrowsAsync<WaiterFailedException>(() => WaiterClock.Now(_ec2.WaitUntilInstancesStoppedAsync(["i-1"], _clock.Options())));

        Assert.Equal(state, error.FailedState);
        Assert.Contains("InstanceStopped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitUntilInstancesStopped_NotFound_PropagatesBecauseNoAcceptorExpectsIt()
    {
        DescribeReturns(Fails("InvalidInstanceID.NotFound"));

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => WaiterClock.Now(_ec2.WaitUntilInstancesStoppedAsync(["i-1"], _clock.Options())));

        Assert.Equal("InvalidInstanceID.NotFound", error.ErrorCode);
    }

    [Fact]
    public async Task WaitUntilInstancesTerminated_ShuttingDownThenTerminated_Succeeds()
    {
        DescribeReturns(Described(Instance("i-1", "shutting-down")), Described(Instance("i-1", "terminated")));

        var instances = await _clock.RunAsync(_ec2.WaitUntilInstancesTerminatedAsync(["i-1"], _clock.Options()), Delay);

        Assert.Equal("terminated", instances.Single().State.Name.Value);
        Assert.Equal(2, DescribeCalls);
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("stopping")]
    public async Task WaitUntilInstancesTerminated_InstanceInFailureState_ThrowsAtOnce(string state)
    {
        DescribeReturns(Described(Instance("i-1", state)));

        var error = await Assert.ThrowsAsync<WaiterFailedException>(() => WaiterClock.Now(_ec2.WaitUntilInstancesTerminatedAsync(["i-1"], _clock.Options())));

        Assert.Equal(state, error.FailedState);
        Assert.Contains("InstanceTerminated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitUntilInstancesTerminated_NotFound_CountsAsSuccess()
    {
        DescribeReturns(Described(Instance("i-1", "shutting-down")), Fails("InvalidInstanceID.NotFound"));

        var instances = await _clock.RunAsync(_ec2.WaitUntilInstancesTerminatedAsync(["i-1"], _clock.Options()), Delay);

        Assert.Empty(instances);
        Assert.Equal(2, DescribeCalls);
        Assert.Equal(WaiterState.Success, _clock.Progress.Reports[^1].Outcome);
    }

    [Fact]
    public async Task WaitUntilSecurityGroupExists_NotFoundThenFound_RetriesAfterFiveSeconds()
    {
        _ec2.DescribeSecurityGroupsAsync(Arg.Any<DescribeSecurityGroupsRequest>(), Arg.Any<CancellationToken>()).Returns(
            Task.FromException<DescribeSecurityGroupsResponse>(Errors.Ec2("InvalidGroup.NotFound", "The security group 'sg-1' does not exist")),
            Task.FromResult(new DescribeSecurityGroupsResponse { SecurityGroups = [new SecurityGroup { GroupId = "sg-1", GroupName = "lab" }] }));

        var task = _ec2.WaitUntilSecurityGroupExistsAsync("sg-1", _clock.Options());
        _clock.Time.Advance(TimeSpan.FromSeconds(5) - Tick);
        await WaiterClock.SettleAsync();
        Assert.False(task.IsCompleted);
        _clock.Time.Advance(Tick);
        await WaiterClock.SettleUntilAsync(() => task.IsCompleted);

        Assert.Equal("lab", (await task).GroupName);
        Assert.Equal(new ObservedState("sg-1", "InvalidGroup.NotFound", Description: "The security group 'sg-1' does not exist"), _clock.Progress.Reports[0].ObservedStates.Single());
        await _ec2.Received(2).DescribeSecurityGroupsAsync(
            Arg.Is<DescribeSecurityGroupsRequest>(request => request.GroupIds.Single() == "sg-1"),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task WaitUntilSecurityGroupExists_NeverFound_TimesOutAfterThirtySeconds()
    {
        _ec2.DescribeSecurityGroupsAsync(Arg.Any<DescribeSecurityGroupsRequest>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException<DescribeSecurityGroupsResponse>(Errors.Ec2("InvalidGroup.NotFound")));

        var error = await Assert.ThrowsAsync<WaiterTimeoutException>(
            () => _clock.RunAsync(_ec2.WaitUntilSecurityGroupExistsAsync("sg-1", _clock.Options()), TimeSpan.FromSeconds(1)));

        Assert.Equal(TimeSpan.FromSeconds(30), error.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(30), error.Elapsed);
        Assert.Equal("InvalidGroup.NotFound", error.ObservedStates.Single().State);
    }

    [Fact]
    public async Task WaitUntilSecurityGroupExists_ModelsMisspelledCode_IsNotTreatedAsNotFound()
    {
        // botocore's model says InvalidGroupNotFound; EC2 returns InvalidGroup.NotFound, so only that one is retried.
        _ec2.DescribeSecurityGroupsAsync(Arg.Any<DescribeSecurityGroupsRequest>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException<DescribeSecurityGroupsResponse>(Errors.Ec2("InvalidGroupNotFound")));

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => WaiterClock.Now(_ec2.WaitUntilSecurityGroupExistsAsync("sg-1", _clock.Options())));

        Assert.Equal("InvalidGroupNotFound", error.ErrorCode);
    }
}
