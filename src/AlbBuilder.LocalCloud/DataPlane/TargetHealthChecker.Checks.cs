namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>The per-target check loops, drains and the pool update.</summary>
internal sealed partial class TargetHealthChecker
{
    private static bool ApplyEndpoint(TargetHealthRecord record, TargetEndpoint endpoint, DateTimeOffset now) =>
        endpoint.Reachability == TargetReachability.NotRunning
            ? record.MarkNotRunning(endpoint.InstanceState ?? "stopped", now)
            : record.MarkRunning(now);

    private TargetEndpoint Resolve(TargetKey key)
    {
        try
        {
            return _resolver(key);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A resolver bug must not kill the loop; treat the target as unreachable.
            DataPlaneLog.ResolverFailed(_logger, key, ex);
            return TargetEndpoint.NotRunning("unknown");
        }
    }

    // Caller holds _lock. The timer starts now, so the first check is one interval after (re-)registration.
    private void StartLoop(CheckedTarget entry)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(_disposeCts.Token);
        var token = cts.Token; // read before StopLoop can dispose the source
        var timer = new PeriodicTimer(_settings.Interval, _timeProvider);
        entry.SetLoop(cts, Task.Run(() => RunChecksAsync(entry, timer, token), CancellationToken.None));
    }

    private async Task RunChecksAsync(CheckedTarget entry, PeriodicTimer timer, CancellationToken cancellationToken)
    {
        using var owned = timer;
        var interval = timer.Period;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await CheckOnceAsync(entry, cancellationToken).ConfigureAwait(false);
                var current = Settings.Interval;
                if (current != interval)
                {
                    interval = current;
                    timer.Period = current;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Deregistered or disposed.
        }
        catch (Exception ex)
        {
            DataPlaneLog.LoopFailed(_logger, entry.Record.Key, ex);
        }
    }

    private async Task CheckOnceAsync(CheckedTarget entry, CancellationToken cancellationToken)
    {
        var endpoint = Resolve(entry.Record.Key);
        HealthProbeRequest request;
        int generation;
        var changed = false;
        lock (_lock)
        {
            if (!IsCurrent(entry) || !_inUse)
            {
                return;
            }

            var now = _timeProvider.GetUtcNow();
            entry.Record.LastEndpoint = endpoint;
            changed |= ApplyEndpoint(entry.Record, endpoint, now);
            if (entry.Record.IsChecked)
            {
                changed |= entry.Record.BeginCheck(now);
            }

            changed |= RecomputeRoutable();
            request = new HealthProbeRequest(entry.Record.Key, endpoint, _settings, _matcher);
            generation = entry.Record.Generation;
        }

        RaiseChanged(changed);
        if (endpoint.Reachability == TargetReachability.NotRunning)
        {
            return;
        }

        var result = await _probe.ProbeAsync(request, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            if (!IsCurrent(entry) || entry.Record.Generation != generation)
            {
                return; // stopped, deregistered or reset while the check ran
            }

            var settings = request.Settings;
            changed = entry.Record.Apply(result, settings.HealthyThreshold, settings.UnhealthyThreshold, _timeProvider.GetUtcNow());
            changed |= RecomputeRoutable();
        }

        if (changed)
        {
            DataPlaneLog.StateChanged(_logger, entry.Record.Key, entry.Record.State.ToWireValue(), entry.Record.Reason ?? "-");
        }

        RaiseChanged(changed);
    }

    private bool IsCurrent(CheckedTarget entry) =>
        !_disposed && _targets.TryGetValue(entry.Record.Key, out var current) && ReferenceEquals(current, entry);

    private async Task DrainAsync(CheckedTarget entry, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // re-registered or disposed
        }

        var changed = false;
        lock (_lock)
        {
            if (IsCurrent(entry) && entry.Record.State == TargetHealthState.Draining)
            {
                _targets.Remove(entry.Record.Key);
                RecomputeRoutable();
                changed = true;
            }
        }

        RaiseChanged(changed);
    }

    // Caller holds _lock.
    private bool RecomputeRoutable() => Pool.Update(_targets.Values.Select(e => e.Record));

    private void RaiseChanged(bool changed)
    {
        if (!changed)
        {
            return;
        }

        try
        {
            HealthChanged?.Invoke(this, EventArgs.Empty);
        }
        catch (Exception ex)
        {
            DataPlaneLog.HandlerFailed(_logger, ex);
        }
    }
}
