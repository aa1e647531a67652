using AlbBuilder.Provisioning;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlbBuilder.Tests.Provisioning;

/// <summary>The step runner: events per step, the first failure wins, cancels the other branches and is what the rollback names.</summary>
public sealed class LabStepRunnerTests
{
    private readonly List<LabEvent> _events = [];

    [Fact]
    public async Task RunAsync_Succeeds_ReportsStartedAndCompletedWithTheResource()
    {
        using var runner = Runner(CancellationToken.None);
        var group = new LabResource(LabResourceKind.InstanceSecurityGroup, "sg-1");

        var result = await runner.RunAsync(LabStep.AuthorizeInstanceIngress, "Allowing", _ => Task.FromResult(42), r => $"Done {r}", group);

        Assert.Equal(42, result);
        Assert.Null(runner.Failure);
        Assert.Equal([LabEventKind.Started, LabEventKind.Completed], _events.Select(e => e.Kind));
        Assert.All(_events, e => Assert.Equal(LabStep.AuthorizeInstanceIngress, e.Step));
        Assert.All(_events, e => Assert.Equal(group, e.Resource));
        Assert.Equal("Done 42", _events[1].Message);
    }

    [Fact]
    public async Task RunAsync_FirstFailure_CancelsTheOtherBranchAndIsTheFailure()
    {
        using var runner = Runner(CancellationToken.None);
        var waiting = runner.RunAsync(LabStep.WaitLoadBalancerActive, "Waiting", ct => Task.Delay(Timeout.Infinite, ct), "Active");

        var failing = runner.RunAsync(LabStep.RunInstances, "Launching", _ => Task.FromException(new InvalidOperationException("boom")), "Launched");

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(LabStep.RunInstances, runner.Failure?.Step);
        Assert.Equal("boom", runner.Failure?.InnerException?.Message);
        Assert.Contains(_events, e => e.Step == LabStep.RunInstances && e.Kind == LabEventKind.Failed && e.Message == "boom");
        Assert.Contains(_events, e => e.Step == LabStep.WaitLoadBalancerActive && e.Kind == LabEventKind.Failed && e.Message == "Stopped: step RunInstances failed");
    }

    [Fact]
    public async Task RunAsync_CallerCancels_TheFirstStepToStopIsTheFailure()
    {
        using var cts = new CancellationTokenSource();
        using var runner = Runner(cts.Token);
        var waiting = runner.RunAsync(LabStep.WaitInstancesRunning, "Waiting", ct => Task.Delay(Timeout.Infinite, ct), "Running");

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(LabStep.WaitInstancesRunning, runner.Failure?.Step);
        Assert.IsAssignableFrom<OperationCanceledException>(runner.Failure?.InnerException);
    }

    private LabStepRunner Runner(CancellationToken cancellationToken) =>
        new(new LabProgress("demo", new SyncProgress(_events), new FakeTimeProvider(), NullLogger.Instance), cancellationToken);

    private sealed class SyncProgress(List<LabEvent> events) : IProgress<LabEvent>
    {
        public void Report(LabEvent value)
        {
            lock (events)
            {
                events.Add(value);
            }
        }
    }
}
