using Amazon.EC2;

namespace AlbBuilder.Traffic;

/// <summary>The drill's phases around the verdicts: making the target unhealthy, sampling the transition, restoring.</summary>
internal sealed partial class FailoverDrill
{
    /// <summary>The unhealthy kind: the caller's action breaks the instance's health check; wait until the target shows it.</summary>
    private async Task MakeUnhealthyAsync(InstanceStatus victim, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        _step = DrillStep.MakeUnhealthy;
        await _options.MakeUnhealthy!(victim.InstanceId, cancellationToken).ConfigureAwait(false);
        Record(DrillStep.MakeUnhealthy, LabEventKind.Completed, $"{Describe(victim)} keeps running but fails its health checks; transition window until {windowEnd:HH:mm:ss.fff}");

        _step = DrillStep.WaitTargetUnhealthy;
        await BoundedAsync(_options.TargetUnusedTimeout, ct => _subject.WaitTargetUnhealthyAsync(victim.InstanceId, ct), cancellationToken).ConfigureAwait(false);
        _unhealthyAt = _time.GetUtcNow();
        Record(DrillStep.WaitTargetUnhealthy, LabEventKind.Completed, $"{Describe(victim)} is an unhealthy target");
    }

    /// <summary>
    /// One batch, or with <see cref="DrillOptions.TransitionSampling"/> batches until one is served by the survivors alone
    /// or the window has passed; every batch's requests are judged together.
    /// </summary>
    private async Task<TrafficReport> VerifyThroughTransitionAsync(DateTimeOffset stopAt, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var batchStart = _time.GetUtcNow();
        var batch = await _subject.VerifyTrafficAsync(_options.Requests, cancellationToken).ConfigureAwait(false);
        var first = batch;
        var samples = new List<TrafficSample>(batch.Samples);
        _survivorBatches = 1;
        while (_options.TransitionSampling is { } pause && !ServedBySurvivorsAlone(batch) && _time.GetUtcNow() < windowEnd)
        {
            await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
            batchStart = _time.GetUtcNow();
            batch = await _subject.VerifyTrafficAsync(_options.Requests, cancellationToken).ConfigureAwait(false);
            samples.AddRange(batch.Samples);
            _survivorBatches++;
        }

        if (ServedBySurvivorsAlone(batch))
        {
            _cutOverAfter = batchStart - stopAt;
            _trafficStoppedAt = batchStart;
        }

        return _survivorBatches == 1
            ? first
            : new TrafficReport(first.Url, samples, first.ExpectedBackends, first.BalanceTolerance, _time.GetElapsedTime(started));
    }

    private bool ServedBySurvivorsAlone(TrafficReport batch) =>
        batch.Total > 0 && batch.Samples.All(s => s.Succeeded && _survivors.Any(i => InstanceBackend.Matches(i, s.Backend)));

    private async Task RestoreAsync()
    {
        var victim = _victim!;

        // A fresh token: the caller's may be the reason we are here, and the lab must not stay half-stopped.
        using var bounded = new CancellationTokenSource(_options.RestoreTimeout, _time);
        try
        {
            if (_options.Kind == DrillKind.Unhealthy)
            {
                await _options.Recover!(victim.InstanceId, bounded.Token).ConfigureAwait(false);
                _restarted = true;
                Record(DrillStep.Restore, LabEventKind.Completed, $"recovered {Describe(victim)}; it rejoins once its health checks pass");
                return;
            }

            InstanceStateName? state = null;
            try
            {
                var status = await _subject.GetStatusAsync(bounded.Token).ConfigureAwait(false);
                state = status.Instances.FirstOrDefault(i => i.InstanceId == victim.InstanceId)?.State;
            }
            catch (Exception ex) when (!bounded.IsCancellationRequested)
            {
                Record(DrillStep.Restore, LabEventKind.Progress, $"could not read {Describe(victim)}'s state ({ex.Message}); starting it anyway");
            }

            if (state == InstanceStateName.Running || state == InstanceStateName.Pending)
            {
                _restarted = true;
                Record(DrillStep.Restore, LabEventKind.Completed, $"{Describe(victim)} is {state}; nothing to restore");
                return;
            }

            if (state == InstanceStateName.ShuttingDown || state == InstanceStateName.Terminated)
            {
                Record(DrillStep.Restore, LabEventKind.Failed, $"{Describe(victim)} is {state} and cannot be started again");
                return;
            }

            if (state == InstanceStateName.Stopping)
            {
                await _subject.WaitInstanceStoppedAsync(victim.InstanceId, bounded.Token).ConfigureAwait(false);
            }

            await _subject.StartInstanceAsync(victim.InstanceId, bounded.Token).ConfigureAwait(false);
            _restarted = true;
            Record(DrillStep.Restore, LabEventKind.Completed, $"started {Describe(victim)} again; it rejoins once its health checks pass");
        }
        catch (Exception ex)
        {
            var reason = bounded.IsCancellationRequested ? $"timed out after {_options.RestoreTimeout}" : ex.Message;
            Record(DrillStep.Restore, LabEventKind.Failed, $"could not start {Describe(victim)} again ({reason}); start it yourself");
        }
    }

}
