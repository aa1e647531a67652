using AlbBuilder.Traffic;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace AlbBuilder.Tests.Traffic;

public sealed class FailoverDrillTests
{
    private const string Dns1 = "ip-10-0-1-11.ec2.internal";
    private const string Dns2 = "ip-10-0-2-22.ec2.internal";
    private static readonly Uri _url = new("http://demo-alb.example/");
    private static readonly TimeSpan _hangGuard = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly IDrillSubject _subject = Substitute.For<IDrillSubject>();
    private readonly DrillOptions _options;
    private string _victimState = "stopped";
    private int _verifyCalls;

    // What each of the three verifications returns (set by a test before the run; re-stubbing would call the old stub).
    private Func<TrafficReport> _baselineTraffic;
    private Func<TrafficReport> _survivorTraffic;
    private Func<TrafficReport> _restoredTraffic;
    private (int Call, Exception Error)? _verifyFailure;

    public FailoverDrillTests()
    {
        _options = new DrillOptions { TimeProvider = _time, Requests = 10, TransitionWindow = TimeSpan.FromSeconds(30) };

        // The first status is the healthy lab; later ones (the restore's look-up) show the victim in _victimState.
        var statusCalls = 0;
        _subject.GetStatusAsync(default).ReturnsForAnyArgs(_ => Task.FromResult(Status(Interlocked.Increment(ref statusCalls) == 1 ? "running" : _victimState)));

        // By default baseline and restored traffic reach both instances; the survivor verification reaches only demo-2.
        _baselineTraffic = () => Traffic((Dns1, 5), (Dns2, 5));
        _survivorTraffic = () => Traffic((Dns2, 10));
        _restoredTraffic = () => Traffic((Dns1, 5), (Dns2, 5));
        _subject.VerifyTrafficAsync(default, default).ReturnsForAnyArgs(_ =>
        {
            var call = Interlocked.Increment(ref _verifyCalls);
            if (_verifyFailure is { } failure && failure.Call == call)
            {
                return Task.FromException<TrafficReport>(failure.Error);
            }

            return Task.FromResult(call switch { 1 => _baselineTraffic(), 2 => _survivorTraffic(), _ => _restoredTraffic() });
        });
    }

    public static TheoryData<DrillStep> StepsAfterTheStop { get; } =
    [
        DrillStep.StopInstance,
        DrillStep.WaitTargetUnused,
        DrillStep.VerifySurvivors,
        DrillStep.WaitInstanceStopped,
        DrillStep.StartInstance,
        DrillStep.WaitTargetsHealthy,
        DrillStep.VerifyAllServe,
    ];

    [Fact]
    public async Task RunAsync_HappyPath_TimelineInOrderAndAllFlagsSet()
    {
        var start = _time.GetUtcNow();
        _subject.WaitTargetUnusedAsync(default!, default).ReturnsForAnyArgs(_ =>
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            return Task.CompletedTask;
        });
        _subject.WaitTargetsHealthyAsync(default).ReturnsForAnyArgs(_ =>
        {
            _time.Advance(TimeSpan.FromSeconds(20));
            return Task.CompletedTask;
        });
        var progress = new ListProgress();

        var report = await FailoverDrill.RunAsync(_subject, _options, progress);

        Assert.True(report.Succeeded, report.Summary);
        Assert.True(report.BaselineAllServed);
        Assert.True(report.OnlySurvivorServed);
        Assert.True(report.AllServeAgain);
        Assert.Null(report.FailedStep);
        Assert.Equal("i-1", report.InstanceId);
        Assert.Equal("demo-1", report.InstanceName);
        Assert.Equal(["demo-2"], report.Survivors);
        Assert.Equal(
            [DrillStep.Discover, DrillStep.Baseline, DrillStep.StopInstance, DrillStep.WaitTargetUnused, DrillStep.VerifySurvivors,
             DrillStep.WaitInstanceStopped, DrillStep.StartInstance, DrillStep.WaitTargetsHealthy, DrillStep.VerifyAllServe],
            report.Timeline.Select(e => e.Step));
        Assert.All(report.Timeline, e => Assert.Equal(LabEventKind.Completed, e.Kind));
        Assert.Equal(
            [0, 0, 0, 5, 5, 5, 5, 25, 25],
            report.Timeline.Select(e => (e.Timestamp - start).TotalSeconds));
        Assert.Equal(report.Timeline, progress.Events);
        Assert.Equal(10, report.SurvivorTraffic!.CountFor(Dns2));
        Assert.StartsWith("Failover drill succeeded: stopped demo-1 (i-1), survivors demo-2.", report.Summary, StringComparison.Ordinal);
        Received.InOrder(() =>
        {
            _subject.StopInstanceAsync("i-1", Arg.Any<CancellationToken>());
            _subject.WaitTargetUnusedAsync("i-1", Arg.Any<CancellationToken>());
            _subject.WaitInstanceStoppedAsync("i-1", Arg.Any<CancellationToken>());
            _subject.StartInstanceAsync("i-1", Arg.Any<CancellationToken>());
            _subject.WaitTargetsHealthyAsync(Arg.Any<CancellationToken>());
        });
        await _subject.Received(3).VerifyTrafficAsync(10, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RunAsync_SecondInstance_StopsItAndExpectsTheFirstToSurvive()
    {
        _survivorTraffic = () => Traffic((Dns1, 10));

        var report = await FailoverDrill.RunAsync(_subject, _options with { InstanceIndex = 2 });

        Assert.True(report.Succeeded, report.Summary);
        Assert.Equal("i-2", report.InstanceId);
        await _subject.Received(1).StopInstanceAsync("i-2", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RunAsync_StoppedInstanceStillServesAfterWindow_DrillFailsButInstanceComesBack()
    {
        // The unused wait outlasts the transition window, so the stopped instance's answers count against the drill.
        _subject.WaitTargetUnusedAsync(default!, default).ReturnsForAnyArgs(_ =>
        {
            _time.Advance(TimeSpan.FromSeconds(31));
            return Task.CompletedTask;
        });
        _survivorTraffic = () => Traffic((Dns1, 3), (Dns2, 7));

        var report = await FailoverDrill.RunAsync(_subject, _options);

        Assert.False(report.Succeeded);
        Assert.False(report.OnlySurvivorServed);
        Assert.True(report.AllServeAgain);
        Assert.Equal(DrillStep.VerifySurvivors, report.FailedStep);
        Assert.Equal(3, report.StoppedServedAfterWindow);
        Assert.Equal(0, report.TransitionFailures);
        Assert.Contains(report.Timeline, e => e.Step == DrillStep.VerifySurvivors && e.Kind == LabEventKind.Failed);
        Assert.StartsWith("Failover drill FAILED at VerifySurvivors", report.Summary, StringComparison.Ordinal);
        await _subject.Received(1).StartInstanceAsync("i-1", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RunAsync_StoppedInstanceAndFailuresInsideWindow_ToleratedAndCounted()
    {
        _survivorTraffic = () => Traffic([(Dns1, 2), (Dns2, 6)], failures: 2);

        var report = await FailoverDrill.RunAsync(_subject, _options);

        Assert.True(report.Succeeded, report.Summary);
        Assert.True(report.OnlySurvivorServed);
        Assert.Equal(4, report.TransitionFailures);
        Assert.Equal(0, report.StoppedServedAfterWindow);
    }

    [Fact]
    public async Task RunAsync_FailuresAfterWindow_NotOnlySurvivorServed()
    {
        _subject.WaitTargetUnusedAsync(default!, default).ReturnsForAnyArgs(_ =>
        {
            _time.Advance(TimeSpan.FromSeconds(30)); // a request at exactly the window's end is after it
            return Task.CompletedTask;
        });
        _survivorTraffic = () => Traffic([(Dns2, 9)], failures: 1);

        var report = await FailoverDrill.RunAsync(_subject, _options);

        Assert.False(report.OnlySurvivorServed);
        Assert.Equal(1, report.FailedAfterWindow);
        Assert.Equal(DrillStep.VerifySurvivors, report.FailedStep);
    }

    [Fact]
    public async Task RunAsync_BaselineMissesAnInstance_StopsNothing()
    {
        _baselineTraffic = () => Traffic((Dns2, 10));

        var report = await FailoverDrill.RunAsync(_subject, _options);

        Assert.False(report.Succeeded);
        Assert.False(report.BaselineAllServed);
        Assert.Equal(DrillStep.Baseline, report.FailedStep);
        Assert.Equal([DrillStep.Discover, DrillStep.Baseline], report.Timeline.Select(e => e.Step));
        await _subject.DidNotReceiveWithAnyArgs().StopInstanceAsync(default!, default);
        await _subject.DidNotReceiveWithAnyArgs().StartInstanceAsync(default!, default);
    }

    [Fact]
    public async Task RunAsync_RestoredTrafficMissesTheInstance_AllServeAgainFalse()
    {
        _restoredTraffic = () => Traffic((Dns2, 10));

        var report = await FailoverDrill.RunAsync(_subject, _options);

        Assert.True(report.OnlySurvivorServed);
        Assert.False(report.AllServeAgain);
        Assert.Equal(DrillStep.VerifyAllServe, report.FailedStep);
        Assert.False(report.Succeeded);
    }

    [Theory]
    [MemberData(nameof(StepsAfterTheStop))]
    public async Task RunAsync_StepThrows_ExceptionNamesStepAndInstanceIsStarted(DrillStep failing)
    {
        ThrowAt(failing, new InvalidOperationException("boom"));

        var ex = await Assert.ThrowsAsync<FailoverDrillException>(() => FailoverDrill.RunAsync(_subject, _options));

        Assert.Equal(failing, ex.FailedStep);
        Assert.Equal(failing, ex.FailedStep);
        Assert.Contains($"failed at {failing}: boom", ex.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Equal(failing, ex.Report.FailedStep);
        Assert.False(ex.Report.Succeeded);
        Assert.Contains(ex.Report.Timeline, e => e.Step == failing && e.Kind == LabEventKind.Failed);
        await _subject.ReceivedWithAnyArgs().StartInstanceAsync("i-1", default);

        // Once the normal start has succeeded there is nothing to restore; before it, the restore starts the instance.
        var restarted = failing is DrillStep.WaitTargetsHealthy or DrillStep.VerifyAllServe;
        var restore = ex.Report.Timeline.Where(e => e.Step == DrillStep.Restore).ToList();
        if (restarted)
        {
            Assert.Empty(restore);
        }
        else
        {
            Assert.Equal(LabEventKind.Completed, Assert.Single(restore).Kind);
            Assert.Contains("Restore: started demo-1 (i-1) again", ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(DrillStep.Discover)]
    [InlineData(DrillStep.Baseline)]
    public async Task RunAsync_StepBeforeTheStopThrows_NothingToRestore(DrillStep failing)
    {
        ThrowAt(failing, new InvalidOperationException("boom"));

        var ex = await Assert.ThrowsAsync<FailoverDrillException>(() => FailoverDrill.RunAsync(_subject, _options));

        Assert.Equal(failing, ex.FailedStep);
        await _subject.DidNotReceiveWithAnyArgs().StopInstanceAsync(default!, default);
        await _subject.DidNotReceiveWithAnyArgs().StartInstanceAsync(default!, default);
    }

    [Fact]
    public async Task RunAsync_StopFailedAndInstanceStillRunning_RestoreStartsNothing()
    {
        _victimState = "running";
        ThrowAt(DrillStep.StopInstance, new InvalidOperationException("UnauthorizedOperation"));

        var ex = await Assert.ThrowsAsync<FailoverDrillException>(() => FailoverDrill.RunAsync(_subject, _options));

        var restore = Assert.Single(ex.Report.Timeline, e => e.Step == DrillStep.Restore);
        Assert.Contains("is running; nothing to restore", restore.Detail, StringComparison.Ordinal);
        await _subject.DidNotReceiveWithAnyArgs().StartInstanceAsync(default!, default);
    }

    [Fact]
    public async Task RunAsync_FailsWhileInstanceStopping_RestoreWaitsForStoppedThenStarts()
    {
        _victimState = "stopping";
        ThrowAt(DrillStep.VerifySurvivors, new HttpRequestException("network down"));

        await Assert.ThrowsAsync<FailoverDrillException>(() => FailoverDrill.RunAsync(_subject, _options));

        Received.InOrder(() =>
        {
            _subject.WaitInstanceStoppedAsync("i-1", Arg.Any<CancellationToken>());
            _subject.StartInstanceAsync("i-1", Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task RunAsync_RestoreFails_TimelineAndMessageSayStartItYourself()
    {
        ThrowAt(DrillStep.WaitTargetUnused, new InvalidOperationException("boom"));
        _subject.StartInstanceAsync(default!, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("InsufficientInstanceCapacity"));

        var ex = await Assert.ThrowsAsync<FailoverDrillException>(() => FailoverDrill.RunAsync(_subject, _options));

        var restore = Assert.Single(ex.Report.Timeline, e => e.Step == DrillStep.Restore);
        Assert.Equal(LabEventKind.Failed, restore.Kind);
        Assert.Contains("InsufficientInstanceCapacity", restore.Detail, StringComparison.Ordinal);
        Assert.Contains("start it yourself", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnusedWaitTimesOut_FailsThatStepAndRestores()
    {
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _subject.WaitTargetUnusedAsync(default!, default).ReturnsForAnyArgs(call =>
        {
            waiting.TrySetResult();
            return Task.Delay(Timeout.Infinite, call.Arg<CancellationToken>());
        });

        var drill = FailoverDrill.RunAsync(_subject, _options with { TargetUnusedTimeout = TimeSpan.FromMinutes(2) });
        await waiting.Task.WaitAsync(_hangGuard);
        _time.Advance(TimeSpan.FromMinutes(2));
        var ex = await Assert.ThrowsAsync<FailoverDrillException>(() => drill.WaitAsync(_hangGuard));

        Assert.Equal(DrillStep.WaitTargetUnused, ex.FailedStep);
        Assert.IsType<TimeoutException>(ex.InnerException);
        await _subject.ReceivedWithAnyArgs(1).StartInstanceAsync("i-1", default);
    }

    [Fact]
    public async Task RunAsync_CancelledAfterStop_RestoresWithAFreshToken()
    {
        using var cts = new CancellationTokenSource();
        _subject.WaitTargetUnusedAsync(default!, default).ReturnsForAnyArgs(async call =>
        {
            await cts.CancelAsync();
            call.Arg<CancellationToken>().ThrowIfCancellationRequested();
        });
        CancellationToken? startToken = null;
        _subject.StartInstanceAsync(default!, default).ReturnsForAnyArgs(call =>
        {
            startToken = call.Arg<CancellationToken>();
            return Task.CompletedTask;
        });

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FailoverDrill.RunAsync(_subject, _options, null, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Contains("cancelled during WaitTargetUnused", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Restore: started demo-1 (i-1) again", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(startToken);
        Assert.False(startToken.Value.IsCancellationRequested);
        Assert.NotEqual(cts.Token, startToken.Value);
    }

    [Fact]
    public async Task RunAsync_OneInstanceOrIndexOutOfRange_FailsAtDiscover()
    {
        var ex = await Assert.ThrowsAsync<FailoverDrillException>(() => FailoverDrill.RunAsync(_subject, _options with { InstanceIndex = 3 }));
        Assert.Equal(DrillStep.Discover, ex.FailedStep);
        Assert.Contains("InstanceIndex 3", ex.Message, StringComparison.Ordinal);

        _subject.GetStatusAsync(default).ReturnsForAnyArgs(new LabStatus(_time.GetUtcNow(), "active", "alb", [Instance("i-1", "demo-1", Dns1, "running")]));
        var single = await Assert.ThrowsAsync<FailoverDrillException>(() => FailoverDrill.RunAsync(_subject, _options));
        Assert.Contains("at least 2 instances", single.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BadOptions_ListsEveryProblem()
    {
        var options = new DrillOptions { InstanceIndex = 0, Requests = 0, TransitionWindow = TimeSpan.FromSeconds(-1), RestoreTimeout = TimeSpan.Zero };

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => FailoverDrill.RunAsync(_subject, options));

        Assert.Equal(4, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.StartsWith("DrillOptions.RestoreTimeout = 00:00:00", StringComparison.Ordinal));
        await _subject.DidNotReceiveWithAnyArgs().GetStatusAsync(default);
    }

    [Fact]
    public void SuggestedTransitionWindow_LabDefaults_IntervalTimesThresholdPlusTimeout()
    {
        Assert.Equal(TimeSpan.FromSeconds(14), DrillOptions.SuggestedTransitionWindow(HealthCheckSettings.LabDefault));
    }

    [Theory]
    [InlineData("ip-10-0-1-11.ec2.internal", true)]
    [InlineData("IP-10-0-1-11.us-east-1.compute.internal", true)] // same host, regional domain
    [InlineData("i-1", true)]
    [InlineData("demo-1", true)]
    [InlineData("ip-10-0-1-111.ec2.internal", false)]
    [InlineData(null, false)]
    public void InstanceBackend_Matches_PrivateDnsIdOrName(string? backend, bool expected)
    {
        Assert.Equal(expected, InstanceBackend.Matches(Instance("i-1", "demo-1", Dns1, "running"), backend));
    }

    private void ThrowAt(DrillStep step, Exception exception)
    {
        switch (step)
        {
            case DrillStep.Discover:
                _subject.GetStatusAsync(default).ThrowsAsyncForAnyArgs(exception);
                break;
            case DrillStep.StopInstance:
                _subject.StopInstanceAsync(default!, default).ThrowsAsyncForAnyArgs(exception);
                break;
            case DrillStep.WaitTargetUnused:
                _subject.WaitTargetUnusedAsync(default!, default).ThrowsAsyncForAnyArgs(exception);
                break;
            case DrillStep.WaitInstanceStopped:
                _subject.WaitInstanceStoppedAsync(default!, default).ThrowsAsyncForAnyArgs(exception);
                break;
            case DrillStep.StartInstance:
                var starts = 0;
                _subject.StartInstanceAsync(default!, default).ReturnsForAnyArgs(_ =>
                    Interlocked.Increment(ref starts) == 1 ? Task.FromException(exception) : Task.CompletedTask);
                break;
            case DrillStep.WaitTargetsHealthy:
                _subject.WaitTargetsHealthyAsync(default).ThrowsAsyncForAnyArgs(exception);
                break;
            case DrillStep.Baseline or DrillStep.VerifySurvivors or DrillStep.VerifyAllServe:
                _verifyFailure = (step switch { DrillStep.Baseline => 1, DrillStep.VerifySurvivors => 2, _ => 3 }, exception);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, null);
        }
    }

    private LabStatus Status(string victimState) => new(
        _time.GetUtcNow(),
        "active",
        "demo-alb.example",
        [Instance("i-1", "demo-1", Dns1, victimState), Instance("i-2", "demo-2", Dns2, "running")]);

    private static InstanceStatus Instance(string id, string name, string dns, string state) =>
        new(id, name, state, dns, null, "us-east-1a", state == "running" ? "healthy" : "unused", null, null);

    private TrafficReport Traffic(params (string Backend, int Count)[] served) => Traffic(served, failures: 0);

    private TrafficReport Traffic((string Backend, int Count)[] served, int failures)
    {
        var now = _time.GetUtcNow();
        var samples = served
            .SelectMany(s => Enumerable.Range(0, s.Count).Select(_ => new TrafficSample(now, TimeSpan.FromMilliseconds(2), 200, s.Backend, null)))
            .Concat(Enumerable.Range(0, failures).Select(_ => new TrafficSample(now, TimeSpan.FromMilliseconds(2), 502, null, "502")));
        return new TrafficReport(_url, samples);
    }

    private sealed class ListProgress : IProgress<DrillEvent>
    {
        public List<DrillEvent> Events { get; } = [];

        public void Report(DrillEvent value) => Events.Add(value);
    }
}
