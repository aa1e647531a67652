using AlbBuilder.Traffic;
using Microsoft.Extensions.Options;
using AlbBuilder.Tests.Waiters;
using NSubstitute;

namespace AlbBuilder.Tests.Traffic;

/// <summary>The unhealthy drill kind and the transition sampling (issue 12 items 6 and 9), over a substitute subject.</summary>
public sealed class UnhealthyDrillTests
{
    private const string Dns1 = "ip-10-0-1-11.ec2.internal";
    private const string Dns2 = "ip-10-0-2-22.ec2.internal";
    private static readonly Uri _url = new("http://demo-alb.example/");

    private readonly SettlingTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly IDrillSubject _subject = Substitute.For<IDrillSubject>();
    private readonly List<string> _actions = [];
    private readonly Queue<Func<TrafficReport>> _traffic = new();

    public UnhealthyDrillTests()
    {
        _subject.GetStatusAsync(default).ReturnsForAnyArgs(_ => Task.FromResult(new LabStatus(
            _time.GetUtcNow(),
            "active",
            "demo-alb.example",
            [Instance("i-1", "demo-1", Dns1), Instance("i-2", "demo-2", Dns2)])));
        _subject.VerifyTrafficAsync(default, default).ReturnsForAnyArgs(_ => Task.FromResult(_traffic.Dequeue()()));
        _subject.WaitTargetUnhealthyAsync(default!, default).ReturnsForAnyArgs(_ =>
        {
            _time.Advance(TimeSpan.FromSeconds(3));
            return Task.CompletedTask;
        });
        _subject.WaitTargetsHealthyAsync(default).ReturnsForAnyArgs(_ =>
        {
            _time.Advance(TimeSpan.FromSeconds(7));
            return Task.CompletedTask;
        });
    }

    private DrillOptions Options => new()
    {
        Kind = DrillKind.Unhealthy,
        MakeUnhealthy = (id, _) => Act("break " + id),
        Recover = (id, _) => Act("recover " + id),
        TimeProvider = _time,
        Requests = 10,
    };

    [Fact]
    public async Task Unhealthy_BreaksAndRecoversWithTheCallersActions_NeverStopsTheInstance()
    {
        var start = _time.GetUtcNow();
        _traffic.Enqueue(() => Traffic((Dns1, 5), (Dns2, 5)));
        _traffic.Enqueue(() => Traffic((Dns2, 10)));
        _traffic.Enqueue(() => Traffic((Dns1, 5), (Dns2, 5)));

        var report = await FailoverDrill.RunAsync(_subject, Options);

        Assert.True(report.Succeeded, report.Summary);
        Assert.Equal(DrillKind.Unhealthy, report.Kind);
        Assert.Equal(["break i-1", "recover i-1"], _actions);
        Assert.Equal(
            [DrillStep.Discover, DrillStep.Baseline, DrillStep.MakeUnhealthy, DrillStep.WaitTargetUnhealthy, DrillStep.VerifySurvivors,
             DrillStep.Recover, DrillStep.WaitTargetsHealthy, DrillStep.VerifyAllServe],
            report.Timeline.Select(e => e.Step));
        Assert.Equal(start.AddSeconds(3), report.UnhealthyAt);
        Assert.Equal(start.AddSeconds(3), report.TrafficStoppedAt);
        Assert.Equal(start.AddSeconds(10), report.RecoveredAt);
        Assert.StartsWith("Unhealthy-target drill succeeded: made unhealthy demo-1 (i-1)", report.Summary, StringComparison.Ordinal);
        Assert.Contains("unhealthy at 12:00:03.000, traffic stopped reaching it at 12:00:03.000, recovered at 12:00:10.000", report.Summary, StringComparison.Ordinal);
        await _subject.DidNotReceiveWithAnyArgs().StopInstanceAsync(default!, default);
        await _subject.DidNotReceiveWithAnyArgs().StartInstanceAsync(default!, default);
    }

    [Fact]
    public async Task Unhealthy_WaitFails_RecoversTheInstance()
    {
        _traffic.Enqueue(() => Traffic((Dns1, 5), (Dns2, 5)));
        _subject.WaitTargetUnhealthyAsync(default!, default).ReturnsForAnyArgs(Task.FromException(new InvalidOperationException("boom")));

        var error = await Assert.ThrowsAsync<FailoverDrillException>(() => FailoverDrill.RunAsync(_subject, Options));

        Assert.Equal(DrillStep.WaitTargetUnhealthy, error.FailedStep);
        Assert.Equal(["break i-1", "recover i-1"], _actions);
        Assert.Contains(error.Report.Timeline, e => e.Step == DrillStep.Restore && e.Kind == LabEventKind.Completed);
    }

    [Fact]
    public void Unhealthy_WithoutActions_Invalid()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new DrillOptions { Kind = DrillKind.Unhealthy }.Validate());

        Assert.Contains(error.Failures, f => f.Contains("MakeUnhealthy and Recover", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TransitionSampling_RepeatsBatchesUntilOnlySurvivorsServe_CountsTheWindowsFailures()
    {
        var start = _time.GetUtcNow();
        _traffic.Enqueue(() => Traffic((Dns1, 5), (Dns2, 5)));
        _traffic.Enqueue(() => Traffic([(Dns2, 5)], failures: 5));
        _traffic.Enqueue(() => Traffic([(Dns2, 8)], failures: 2));
        _traffic.Enqueue(() => Traffic((Dns2, 10)));
        _traffic.Enqueue(() => Traffic((Dns1, 5), (Dns2, 5)));

        // Each pause is on the fake clock: advance it exactly once per pause the drill has begun, never ahead of it
        // (advancing blindly let a loaded machine's clock run minutes past the window before the next batch).
        var pause = TimeSpan.FromMilliseconds(250);
        var run = FailoverDrill.RunAsync(_subject, Options with { TransitionSampling = pause });
        var advanced = 0;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!run.IsCompleted && DateTime.UtcNow < deadline)
        {
            if (_time.TimersCreatedDueAfter(pause) > advanced)
            {
                advanced++;
                _time.Advance(pause);
            }
            else
            {
                await Task.Yield();
            }
        }

        Assert.True(run.IsCompleted, $"the drill did not finish after {advanced} pauses");
        var report = await run;
        Assert.True(report.Succeeded, report.Summary);
        Assert.Equal(2, advanced);
        Assert.Equal(3, report.SurvivorBatches);
        Assert.Equal(7, report.TransitionFailures);
        Assert.Equal(0, report.FailedAfterWindow);
        Assert.Equal(30, report.SurvivorTraffic!.Total);
        Assert.True(report.CutOverAfter >= TimeSpan.FromSeconds(3.5), report.Summary);
        Assert.Equal(start + report.CutOverAfter, report.TrafficStoppedAt);
    }

    private Task Act(string action)
    {
        _actions.Add(action);
        return Task.CompletedTask;
    }

    private static InstanceStatus Instance(string id, string name, string dns) =>
        new(id, name, "running", dns, null, "us-east-1a", "healthy", null, null);

    private TrafficReport Traffic(params (string Backend, int Count)[] served) => Traffic(served, failures: 0);

    private TrafficReport Traffic((string Backend, int Count)[] served, int failures)
    {
        var now = _time.GetUtcNow();
        var samples = served
            .SelectMany(s => Enumerable.Range(0, s.Count).Select(_ => new TrafficSample(now, TimeSpan.FromMilliseconds(2), 200, s.Backend, null)))
            .Concat(Enumerable.Range(0, failures).Select(_ => new TrafficSample(now, TimeSpan.FromMilliseconds(2), 502, null, "502")));
        return new TrafficReport(_url, samples);
    }
}
