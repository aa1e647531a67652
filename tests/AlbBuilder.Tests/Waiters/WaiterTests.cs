using AlbBuilder.Waiters;
using Amazon.Runtime;

namespace AlbBuilder.Tests.Waiters;

public sealed class WaiterTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private readonly WaiterClock _clock = new();

    // A waiter over a list of resource states: r1, r2, ...
    private static WaiterDefinition<string[]> Definition(params WaiterAcceptor<string[]>[] acceptors) =>
        new(
            "Test",
            acceptors.Length > 0
                ? acceptors
                : [
                    WaiterAcceptor<string[]>.PathAll(states => states, "done", WaiterState.Success, "States[]"),
                    WaiterAcceptor<string[]>.PathAny(states => states, "broken", WaiterState.Failure, "States[]"),
                    WaiterAcceptor<string[]>.PathAny(states => states, "working", WaiterState.Retry, "States[]"),
                    WaiterAcceptor<string[]>.Error("NotYet", WaiterState.Retry),
                    WaiterAcceptor<string[]>.Error("Gone", WaiterState.Failure),
                ],
            states => [.. states.Select((state, i) => new ObservedState($"r{i + 1}", state, state == "broken" ? "Broken.Reason" : null))]);

    private ScriptedOperation Script(params object[] script) => new(_clock.Time, script);

    [Fact]
    public async Task WaitAsync_FirstResponseMatchesSuccess_ReturnsAfterOneCall()
    {
        var operation = Script("done,done");

        var result = await WaiterClock.Now(Waiter.WaitAsync(Definition(), operation.InvokeAsync, _clock.Options()));

        Assert.Equal(1, operation.Calls);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(TimeSpan.Zero, result.Elapsed);
        Assert.Equal(["done", "done"], result.Response!);
        Assert.Equal([new ObservedState("r1", "done"), new ObservedState("r2", "done")], result.ObservedStates);
    }

    [Fact]
    public async Task WaitAsync_RetryThenSuccess_CallsAgainOnlyAfterTheDelay()
    {
        var operation = Script("working,done", "done,done");

        var task = Waiter.WaitAsync(Definition(), operation.InvokeAsync, _clock.Options());
        Assert.Equal(1, operation.Calls);

        _clock.Time.Advance(TimeSpan.FromSeconds(15) - Tick);
        await WaiterClock.SettleAsync();
        Assert.Equal(1, operation.Calls);
        Assert.False(task.IsCompleted);

        _clock.Time.Advance(Tick);
        await WaiterClock.SettleUntilAsync(() => task.IsCompleted);
        var result = await task;

        Assert.Equal(2, operation.Calls);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(15), result.Elapsed);
    }

    [Fact]
    public async Task WaitAsync_ResponseNoAcceptorMatches_Retries()
    {
        var operation = Script("something-else", "done");

        var result = await _clock.RunAsync(Waiter.WaitAsync(Definition(), operation.InvokeAsync, _clock.Options()), TimeSpan.FromSeconds(15));

        Assert.Equal(2, result.Attempts);
        Assert.Equal(WaiterState.Retry, _clock.Progress.Reports[0].Outcome);
    }

    [Fact]
    public async Task WaitAsync_TwoAcceptorsMatch_FirstInOrderWins()
    {
        var success = WaiterAcceptor<string[]>.PathAny(states => states, "x", WaiterState.Success);
        var failure = WaiterAcceptor<string[]>.PathAny(states => states, "x", WaiterState.Failure);

        var result = await WaiterClock.Now(Waiter.WaitAsync(Definition(success, failure), Script("x").InvokeAsync, _clock.Options()));
        var error = await Assert.ThrowsAsync<WaiterFailedException>(
            () => WaiterClock.Now(Waiter.WaitAsync(Definition(failure, success), Script("x").InvokeAsync, _clock.Options())));

        Assert.Equal(1, result.Attempts);
        Assert.Equal("x", error.FailedState);
    }

    [Fact]
    public async Task WaitAsync_PathAllOnEmptyResponse_DoesNotMatch()
    {
        var operation = Script("", "done");

        var result = await _clock.RunAsync(Waiter.WaitAsync(Definition(), operation.InvokeAsync, _clock.Options()), TimeSpan.FromSeconds(15));

        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task WaitAsync_FailureAcceptorMatches_ThrowsWithStateAndObservedStates()
    {
        var operation = Script("working,working", "done,broken");

        var error = await Assert.ThrowsAsync<WaiterFailedException>(
            () => _clock.RunAsync(Waiter.WaitAsync(Definition(), operation.InvokeAsync, _clock.Options()), TimeSpan.FromSeconds(15)));

        Assert.Equal("Test", error.WaiterName);
        Assert.Equal("broken", error.FailedState);
        Assert.Equal(2, error.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(15), error.Elapsed);
        Assert.Equal(new ObservedState("r2", "broken", "Broken.Reason"), error.ObservedStates[1]);
        Assert.Null(error.InnerException);
        Assert.Contains("Waiter Test failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("'broken'", error.Message, StringComparison.Ordinal);
        Assert.Contains("r1: done, r2: broken (Broken.Reason)", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<WaiterException>(error);
    }

    [Fact]
    public async Task WaitAsync_ErrorAcceptorRetry_CallsAgain()
    {
        var operation = Script(Errors.Ec2("NotYet"), "done");

        var result = await _clock.RunAsync(Waiter.WaitAsync(Definition(), operation.InvokeAsync, _clock.Options()), TimeSpan.FromSeconds(15));

        Assert.Equal(2, operation.Calls);
        Assert.Equal(2, result.Attempts);
        Assert.Equal("NotYet", _clock.Progress.Reports[0].ObservedStates.Single().State);
    }

    [Fact]
    public async Task WaitAsync_ErrorAcceptorFailure_ThrowsWithTheServiceErrorAsInner()
    {
        var gone = Errors.Ec2("Gone", "It went away");

        var error = await Assert.ThrowsAsync<WaiterFailedException>(
            () => WaiterClock.Now(Waiter.WaitAsync(Definition(), Script(gone).InvokeAsync, _clock.Options())));

        Assert.Same(gone, error.InnerException);
        Assert.Equal("Gone", error.FailedState);
        Assert.Contains("It went away", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitAsync_ServiceErrorNoAcceptorMatches_Propagates()
    {
        var denied = Errors.Ec2("UnauthorizedOperation");
        var operation = Script(denied);

        var thrown = await Assert.ThrowsAsync<Amazon.EC2.AmazonEC2Exception>(
            () => WaiterClock.Now(Waiter.WaitAsync(Definition(), operation.InvokeAsync, _clock.Options())));

        Assert.Same(denied, thrown);
        Assert.Equal(1, operation.Calls);
    }

    [Fact]
    public async Task WaitAsync_OtherException_Propagates()
    {
        var operation = Script(new InvalidOperationException("boom"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => WaiterClock.Now(Waiter.WaitAsync(Definition(), operation.InvokeAsync, _clock.Options())));
    }

    [Fact]
    public async Task WaitAsync_DeadlinePasses_ThrowsTimeoutWithLastObservedStates()
    {
        var operation = Script("working,working", "working,done");
        var options = _clock.Options() with { Timeout = TimeSpan.FromMinutes(1) };
        var started = _clock.Time.GetUtcNow();

        var error = await Assert.ThrowsAsync<WaiterTimeoutException>(
            () => _clock.RunAsync(Waiter.WaitAsync(Definition(), operation.InvokeAsync, options), TimeSpan.FromSeconds(15)));

        // Attempts at 0, 15, 30, 45 and 60 s; the last lands on the deadline.
        Assert.Equal(5, error.Attempts);
        Assert.Equal(TimeSpan.FromMinutes(1), error.Elapsed);
        Assert.Equal(TimeSpan.FromMinutes(1), error.Timeout);
        Assert.Equal([new ObservedState("r1", "working"), new ObservedState("r2", "done")], error.ObservedStates);
        Assert.Contains("Waiter Test timed out after 1m00s", error.Message, StringComparison.Ordinal);
        Assert.Contains("r1: working, r2: done", error.Message, StringComparison.Ordinal);
        Assert.All(operation.CallTimes, time => Assert.True(time <= started + TimeSpan.FromMinutes(1)));
        Assert.IsNotType<TimeoutException>(error, exactMatch: false);
    }

    [Fact]
    public async Task WaitAsync_CanceledWhileDelaying_ThrowsOperationCanceledWithoutAdvancingTheClock()
    {
        using var cancellation = new CancellationTokenSource();
        var operation = Script("working");

        var task = Waiter.WaitAsync(Definition(), operation.InvokeAsync, _clock.Options(), cancellation.Token);
        Assert.False(task.IsCompleted);
        cancellation.Cancel(); // Synchronous: the waiter observes it inline, no thread-pool hop to wait for.
        await WaiterClock.SettleUntilAsync(() => task.IsCompleted);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Equal(1, operation.Calls);
    }

    [Fact]
    public async Task WaitAsync_AlreadyCanceled_DoesNotCallTheOperation()
    {
        var operation = Script("done");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => WaiterClock.Now(Waiter.WaitAsync(Definition(), operation.InvokeAsync, _clock.Options(), new CancellationToken(canceled: true))));

        Assert.Equal(0, operation.Calls);
    }

    [Fact]
    public async Task WaitAsync_PassesTheCancellationTokenToTheOperation()
    {
        using var cancellation = new CancellationTokenSource();
        CancellationToken seen = default;

        await WaiterClock.Now(Waiter.WaitAsync(
            Definition(),
            ct =>
            {
                seen = ct;
                return Task.FromResult(new[] { "done" });
            },
            _clock.Options(),
            cancellation.Token));

        Assert.Equal(cancellation.Token, seen);
    }

    [Fact]
    public async Task WaitAsync_InvalidOptions_OneExceptionListsEveryProblem()
    {
        var operation = Script("done");
        var options = _clock.Options() with
        {
            MinDelay = TimeSpan.FromSeconds(-1),
            MaxDelay = TimeSpan.Zero,
            Timeout = TimeSpan.FromSeconds(-5),
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => WaiterClock.Now(Waiter.WaitAsync(Definition(), operation.InvokeAsync, options)));

        Assert.Contains("MinDelay must be greater than zero", error.Message, StringComparison.Ordinal);
        Assert.Contains("-00:00:01", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxDelay must be greater than zero", error.Message, StringComparison.Ordinal);
        Assert.Contains("Timeout must be greater than zero", error.Message, StringComparison.Ordinal);
        Assert.Contains("-00:00:05", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, operation.Calls);
    }

    [Fact]
    public void Validate_MinDelayAboveMaxDelay_Throws()
    {
        var options = new WaiterOptions { MinDelay = TimeSpan.FromMinutes(5), MaxDelay = TimeSpan.FromMinutes(1) };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("MinDelay (00:05:00) must not exceed MaxDelay (00:01:00)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NullTimeProviderAndHugeTimeout_ListsBoth()
    {
        var options = new WaiterOptions { TimeProvider = null!, Timeout = TimeSpan.FromDays(3) };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("TimeProvider must not be null", error.Message, StringComparison.Ordinal);
        Assert.Contains("Timeout must be greater than zero and at most 1.00:00:00 (was 3.00:00:00)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreDocumentedValues()
    {
        var options = new WaiterOptions();
        var definition = Definition();

        options.Validate();
        Assert.Null(options.MinDelay);
        Assert.Equal(TimeSpan.FromSeconds(120), options.MaxDelay);
        Assert.Null(options.Timeout);
        Assert.Same(TimeProvider.System, options.TimeProvider);
        Assert.Null(options.Progress);
        Assert.Equal(TimeSpan.FromSeconds(15), definition.MinDelay);
        Assert.Equal(TimeSpan.FromMinutes(10), definition.Timeout);
    }

    [Fact]
    public async Task WaitAsync_DefaultTiming_BacksOffExponentiallyUpToMaxDelayAndStopsAtTenMinutes()
    {
        var operation = Script("working");

        // Jitter pinned at the top: each delay is the ceiling min(120 s, 15 s * 2^(attempt-1)).
        var error = await Assert.ThrowsAsync<WaiterTimeoutException>(
            () => _clock.RunAsync(Waiter.WaitAsync(Definition(), operation.InvokeAsync, _clock.Options(jitter: 1.0)), TimeSpan.FromSeconds(5)));

        var start = operation.CallTimes[0];
        var offsets = operation.CallTimes.Select(time => (time - start).TotalSeconds).ToArray();
        Assert.Equal([0, 15, 45, 105, 225, 345, 465, 585, 600], offsets);
        Assert.Equal(TimeSpan.FromMinutes(10), error.Elapsed);
        Assert.Equal(9, error.Attempts);
    }

    [Fact]
    public async Task WaitAsync_MaxDelayBelowDefinitionDelay_CapsTheMinimumDelay()
    {
        var operation = Script("working", "done");
        var options = _clock.Options(jitter: 1.0) with { MaxDelay = TimeSpan.FromSeconds(5) };

        var task = Waiter.WaitAsync(Definition(), operation.InvokeAsync, options);
        _clock.Time.Advance(TimeSpan.FromSeconds(5));
        await WaiterClock.SettleUntilAsync(() => task.IsCompleted);

        Assert.Equal(2, (await task).Attempts);
    }

    [Fact]
    public async Task WaitAsync_ReportsProgressAfterEveryAttempt()
    {
        var operation = Script("working,done", "done,done");

        await _clock.RunAsync(Waiter.WaitAsync(Definition(), operation.InvokeAsync, _clock.Options()), TimeSpan.FromSeconds(15));

        var reports = _clock.Progress.Reports;
        Assert.Equal(2, reports.Count);
        Assert.Equal(new[] { 1, 2 }, reports.Select(report => report.Attempt));
        Assert.All(reports, report => Assert.Equal("Test", report.WaiterName));
        Assert.Equal(WaiterState.Retry, reports[0].Outcome);
        Assert.Equal("r1: working, r2: done", reports[0].Summary);
        Assert.Equal(TimeSpan.FromSeconds(15), reports[0].NextDelay);
        Assert.Equal(TimeSpan.Zero, reports[0].Elapsed);
        Assert.Equal(WaiterState.Success, reports[1].Outcome);
        Assert.Null(reports[1].NextDelay);
        Assert.Equal(TimeSpan.FromSeconds(15), reports[1].Elapsed);
    }

    [Fact]
    public void Definition_WithoutAcceptors_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WaiterDefinition<string[]>("Empty", [], _ => []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WaiterDefinition<string[]>("Zero", [WaiterAcceptor<string[]>.Error("X", WaiterState.Retry)], _ => []) { MinDelay = TimeSpan.Zero });
    }

    [Fact]
    public void ObservedState_ToString_ShowsReasonAndDescription()
    {
        Assert.Equal("i-1: running", new ObservedState("i-1", "running").ToString());
        Assert.Equal("i-1:80: unused (Target.InvalidState: Target is in the stopped state)", new ObservedState("i-1:80", "unused", "Target.InvalidState", "Target is in the stopped state").ToString());
        Assert.Equal("lb: provisioning (warming up)", new ObservedState("lb", "provisioning", Description: "warming up").ToString());
        Assert.Equal("(nothing observed)", ObservedState.Summarize([]));
    }

    [Fact]
    public void Acceptor_Error_MatchesOnlyItsCode()
    {
        var acceptor = WaiterAcceptor<string[]>.Error("InvalidInstanceID.NotFound", WaiterState.Retry);

        Assert.True(acceptor.Matches(Errors.Ec2("InvalidInstanceID.NotFound")));
        Assert.False(acceptor.Matches(Errors.Ec2("InvalidInstanceID.Malformed")));
        Assert.False(acceptor.Matches(["InvalidInstanceID.NotFound"]));
        Assert.False(acceptor.Matches(new AmazonServiceException("no code")));
    }
}
