using System.Collections.Immutable;
using System.Globalization;
using Amazon.EC2;

namespace AlbBuilder.Traffic;

/// <summary>
/// Stops one instance of a serving lab, proves the load balancer sends everything to the survivors, starts the instance
/// again and proves all serve. If the drill fails or is cancelled after the stop, the instance is started again.
/// </summary>
internal sealed partial class FailoverDrill
{
    private static readonly CultureInfo _invariant = CultureInfo.InvariantCulture;

    private readonly IDrillSubject _subject;
    private readonly DrillOptions _options;
    private readonly IProgress<DrillEvent>? _progress;
    private readonly TimeProvider _time;
    private readonly List<DrillEvent> _timeline = [];

    private DrillStep _step = DrillStep.Discover;
    private InstanceStatus? _victim;
    private ImmutableArray<InstanceStatus> _instances = [];
    private ImmutableArray<InstanceStatus> _survivors = [];
    private bool _stopRequested;
    private bool _restarted;
    private TrafficReport? _baseline;
    private TrafficReport? _duringStop;
    private TrafficReport? _restored;
    private bool _baselineAllServed;
    private SurvivorVerdict _verdict = SurvivorVerdict.None;
    private bool _allServeAgain;
    private DrillStep? _failedStep;
    private int _survivorBatches;
    private TimeSpan? _cutOverAfter;
    private DateTimeOffset? _unhealthyAt;
    private DateTimeOffset? _trafficStoppedAt;
    private DateTimeOffset? _recoveredAt;

    private FailoverDrill(IDrillSubject subject, DrillOptions options, IProgress<DrillEvent>? progress)
    {
        _subject = subject;
        _options = options;
        _progress = progress;
        _time = options.Clock;
    }

    /// <summary>Runs the drill.</summary>
    /// <returns>The report; a drill whose traffic checks fail returns normally with <see cref="DrillReport.Succeeded"/> false.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options have bad values.</exception>
    /// <exception cref="FailoverDrillException">A step threw or timed out; the instance was restored first.</exception>
    /// <exception cref="OperationCanceledException">The drill was cancelled; the instance was restored first.</exception>
    public static async Task<DrillReport> RunAsync(
        IDrillSubject subject,
        DrillOptions options,
        IProgress<DrillEvent>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return await new FailoverDrill(subject, options, progress).RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sorts the survivor verification's requests by the transition window.</summary>
    internal static SurvivorVerdict JudgeSurvivors(
        TrafficReport traffic,
        InstanceStatus stopped,
        IReadOnlyList<InstanceStatus> survivors,
        DateTimeOffset windowEnd)
    {
        int served = 0, tolerated = 0, stoppedAfter = 0, failedAfter = 0;
        foreach (var sample in traffic.Samples)
        {
            if (sample.Succeeded && survivors.Any(s => InstanceBackend.Matches(s, sample.Backend)))
            {
                served++;
            }
            else if (sample.StartedAt < windowEnd)
            {
                tolerated++;
            }
            else if (sample.Succeeded && InstanceBackend.Matches(stopped, sample.Backend))
            {
                stoppedAfter++;
            }
            else
            {
                failedAfter++;
            }
        }

        return new SurvivorVerdict(served, tolerated, stoppedAfter, failedAfter);
    }

    /// <summary>Whether every request succeeded, each named one of the instances, and every instance served.</summary>
    internal static bool AllServed(TrafficReport traffic, IReadOnlyList<InstanceStatus> instances) =>
        traffic.AllSucceeded
        && traffic.UnknownBackend == 0
        && traffic.Backends.All(b => instances.Any(i => InstanceBackend.Matches(i, b.Backend)))
        && instances.All(i => traffic.Backends.Any(b => InstanceBackend.Matches(i, b.Backend)));

    private async Task<DrillReport> RunAsync(CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            await RunStepsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
            _failedStep ??= _step;
            var cancelled = ex is OperationCanceledException && cancellationToken.IsCancellationRequested;
            Record(_step, LabEventKind.Failed, cancelled ? "cancelled" : ex.Message);
        }
        finally
        {
            // The restore guarantee: whatever happened after the stop request, the instance is started again.
            if (_stopRequested && !_restarted)
            {
                await RestoreAsync().ConfigureAwait(false);
            }
        }

        var report = BuildReport();
        if (failure is null)
        {
            return report;
        }

        var restoreNote = RestoreNote();
        if (failure is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"The failover drill was cancelled during {_step}.{restoreNote}", failure, cancellationToken);
        }

        throw new FailoverDrillException($"The failover drill failed at {_step}: {failure.Message}{restoreNote}", failure, _step, report);
    }

    private async Task RunStepsAsync(CancellationToken cancellationToken)
    {
        _step = DrillStep.Discover;
        var status = await _subject.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        _instances = [.. status.Instances];
        if (_instances.Length < 2)
        {
            var hint = _instances.Length == 0 ? " Call StartAsync (or AttachAsync for an existing lab) first." : string.Empty;
            throw new InvalidOperationException($"A failover drill needs at least 2 instances; the lab has {_instances.Length}.{hint}");
        }

        if (_options.InstanceIndex > _instances.Length)
        {
            throw new InvalidOperationException($"InstanceIndex {_options.InstanceIndex} is out of range: the lab has {_instances.Length} instances.");
        }

        var victim = _instances[_options.InstanceIndex - 1];
        _victim = victim;
        _survivors = _instances.RemoveAt(_options.InstanceIndex - 1);
        Record(DrillStep.Discover, LabEventKind.Completed, $"{_instances.Length} instances; will stop {Describe(victim)}");

        _step = DrillStep.Baseline;
        _baseline = await _subject.VerifyTrafficAsync(_options.Requests, cancellationToken).ConfigureAwait(false);
        _baselineAllServed = AllServed(_baseline, _instances);
        if (!_baselineAllServed)
        {
            // Nothing is stopped: a lab that doesn't serve from every instance can't demonstrate failover.
            Fail(DrillStep.Baseline, $"not every instance serves, so nothing was stopped — {_baseline}");
            return;
        }

        Record(DrillStep.Baseline, LabEventKind.Completed, $"every instance serves — {_baseline}");

        var stopAt = _time.GetUtcNow();
        var windowEnd = stopAt + _options.TransitionWindow;
        _stopRequested = true;
        if (_options.Kind == DrillKind.Unhealthy)
        {
            await MakeUnhealthyAsync(victim, windowEnd, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _step = DrillStep.StopInstance;
            await _subject.StopInstanceAsync(victim.InstanceId, cancellationToken).ConfigureAwait(false);
            Record(DrillStep.StopInstance, LabEventKind.Completed, $"stop requested for {Describe(victim)}; transition window until {windowEnd:HH:mm:ss.fff}");

            _step = DrillStep.WaitTargetUnused;
            await BoundedAsync(_options.TargetUnusedTimeout, ct => _subject.WaitTargetUnusedAsync(victim.InstanceId, ct), cancellationToken).ConfigureAwait(false);
            Record(DrillStep.WaitTargetUnused, LabEventKind.Completed, $"{Describe(victim)} is an unused target (Target.InvalidState)");
        }

        _step = DrillStep.VerifySurvivors;
        _duringStop = await VerifyThroughTransitionAsync(stopAt, windowEnd, cancellationToken).ConfigureAwait(false);
        _verdict = JudgeSurvivors(_duringStop, victim, _survivors, windowEnd);
        var verdictText = string.Create(
            _invariant,
            $"{_verdict.ServedBySurvivors}/{_duringStop.Total} served by survivors, {_verdict.Tolerated} tolerated in the window, {_verdict.StoppedServedAfterWindow} from the stopped instance and {_verdict.FailedAfterWindow} failed after it — {_duringStop}");
        if (_verdict.OnlySurvivorServed)
        {
            Record(DrillStep.VerifySurvivors, LabEventKind.Completed, verdictText);
        }
        else
        {
            Fail(DrillStep.VerifySurvivors, verdictText); // carry on: the instance still has to come back
        }

        if (_options.Kind == DrillKind.Unhealthy)
        {
            _step = DrillStep.Recover;
            await _options.Recover!(victim.InstanceId, cancellationToken).ConfigureAwait(false);
            _restarted = true;
            Record(DrillStep.Recover, LabEventKind.Completed, $"{Describe(victim)} recovered; waiting for its health checks to pass");
        }
        else
        {
            _step = DrillStep.WaitInstanceStopped;
            await BoundedAsync(_options.InstanceStoppedTimeout, ct => _subject.WaitInstanceStoppedAsync(victim.InstanceId, ct), cancellationToken).ConfigureAwait(false);
            Record(DrillStep.WaitInstanceStopped, LabEventKind.Completed, $"{Describe(victim)} is stopped");

            _step = DrillStep.StartInstance;
            await _subject.StartInstanceAsync(victim.InstanceId, cancellationToken).ConfigureAwait(false);
            _restarted = true;
            Record(DrillStep.StartInstance, LabEventKind.Completed, $"start requested for {Describe(victim)}");
        }

        _step = DrillStep.WaitTargetsHealthy;
        await BoundedAsync(_options.TargetsHealthyTimeout, _subject.WaitTargetsHealthyAsync, cancellationToken).ConfigureAwait(false);
        _recoveredAt = _time.GetUtcNow();
        Record(DrillStep.WaitTargetsHealthy, LabEventKind.Completed, "every target is healthy");

        _step = DrillStep.VerifyAllServe;
        _restored = await _subject.VerifyTrafficAsync(_options.Requests, cancellationToken).ConfigureAwait(false);
        _allServeAgain = AllServed(_restored, _instances);
        if (_allServeAgain)
        {
            Record(DrillStep.VerifyAllServe, LabEventKind.Completed, $"every instance serves again — {_restored}");
        }
        else
        {
            Fail(DrillStep.VerifyAllServe, $"not every instance serves again — {_restored}");
        }
    }

    private async Task BoundedAsync(TimeSpan timeout, Func<CancellationToken, Task> wait, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await wait(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{_step} did not finish within {timeout}.", ex);
        }
    }

    private string RestoreNote()
    {
        var last = _timeline.LastOrDefault(e => e.Step == DrillStep.Restore);
        return last is null ? string.Empty : $" Restore: {last.Detail}.";
    }

    private void Fail(DrillStep step, string detail)
    {
        _failedStep ??= step;
        Record(step, LabEventKind.Failed, detail);
    }

    private void Record(DrillStep step, LabEventKind kind, string detail)
    {
        var entry = new DrillEvent(_time.GetUtcNow(), step, kind, detail);
        _timeline.Add(entry);
        _progress?.Report(entry);
    }

    private static string Describe(InstanceStatus instance) =>
        instance.Name is null ? instance.InstanceId : $"{instance.Name} ({instance.InstanceId})";

    private DrillReport BuildReport() => new()
    {
        InstanceId = _victim?.InstanceId ?? string.Empty,
        InstanceName = _victim?.Name,
        Survivors = _survivors.Select(InstanceBackend.Label).ToImmutableArray(),
        Timeline = [.. _timeline],
        BaselineTraffic = _baseline,
        SurvivorTraffic = _duringStop,
        RestoredTraffic = _restored,
        TransitionWindow = _options.TransitionWindow,
        TransitionFailures = _verdict.Tolerated,
        SurvivorBatches = _survivorBatches,
        CutOverAfter = _cutOverAfter,
        Kind = _options.Kind,
        UnhealthyAt = _unhealthyAt,
        TrafficStoppedAt = _trafficStoppedAt,
        RecoveredAt = _options.Kind == DrillKind.Unhealthy ? _recoveredAt : null,
        StoppedServedAfterWindow = _verdict.StoppedServedAfterWindow,
        FailedAfterWindow = _verdict.FailedAfterWindow,
        BaselineAllServed = _baselineAllServed,
        OnlySurvivorServed = _verdict.OnlySurvivorServed,
        AllServeAgain = _allServeAgain,
        FailedStep = _failedStep,
    };
}
