namespace AlbBuilder.Classroom.Running;

/// <summary>
/// One classroom operation on one lab, turned into a <see cref="LabOutcome"/>: the lab's own error is caught and
/// reported, never thrown, so that it neither stops nor fails the other labs.
/// </summary>
internal sealed class LabWork(ClassroomProgress progress, TimeProvider time)
{
    /// <summary>Starts a lab; a failed or cancelled start has rolled itself back (<see cref="IAlbLab.StartAsync(IProgress{LabEvent}, CancellationToken)"/> does).</summary>
    public async Task<LabOutcome> StartAsync(ClassroomLab lab, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            // Still queued: never started, nothing to roll back.
            progress.State(lab, ClassroomLabState.Cancelled);
            return new LabOutcome(lab.Learner, lab.Lab.Name, new OperationCanceledException("Cancelled before the lab started.", cancellationToken), TimeSpan.Zero);
        }

        var started = time.GetTimestamp();
        progress.State(lab, ClassroomLabState.Starting);
        try
        {
            await lab.Lab.StartAsync(progress.ForLab(lab, ClassroomLabState.Starting), cancellationToken).ConfigureAwait(false);
            progress.State(lab, ClassroomLabState.Serving);
            return new LabOutcome(lab.Learner, lab.Lab.Name, null, time.GetElapsedTime(started), lab.Lab.Url);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            progress.State(lab, ClassroomLabState.Cancelled, ex);
            return new LabOutcome(lab.Learner, lab.Lab.Name, ex, time.GetElapsedTime(started));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            progress.State(lab, ClassroomLabState.Failed, ex);
            return new LabOutcome(lab.Learner, lab.Lab.Name, ex, time.GetElapsedTime(started), lab.Lab.Url);
        }
    }

    /// <summary>Sends traffic through the lab; it fails when a request failed or an expected instance never answered.</summary>
    public Task<LabOutcome> VerifyTrafficAsync(ClassroomLab lab, TrafficOptions? options, CancellationToken cancellationToken) =>
        RunAsync(lab, ClassroomLabState.Verifying, ClassroomLabState.Verified, async () =>
        {
            var report = await lab.Lab.VerifyTrafficAsync(options, cancellationToken).ConfigureAwait(false);
            var error = report.AllSucceeded && report.MissingBackends.Count == 0
                ? null
                : new AlbLabException($"Lab {lab.Lab.Name}: the traffic check failed: {report}");
            return (error, report, null);
        });

    /// <summary>Runs the failover drill; a failed drill's report so far comes with its error.</summary>
    public Task<LabOutcome> RunFailoverDrillAsync(ClassroomLab lab, DrillOptions? options, CancellationToken cancellationToken) =>
        RunAsync(lab, ClassroomLabState.Drilling, ClassroomLabState.Drilled, async () =>
        {
            try
            {
                var report = await lab.Lab.RunFailoverDrillAsync(options, null, cancellationToken).ConfigureAwait(false);
                return (report.Succeeded ? null : new AlbLabException($"Lab {lab.Lab.Name}: the failover drill failed: {report.Summary}"), null, report);
            }
            catch (FailoverDrillException ex)
            {
                return (ex, null, ex.Report);
            }
        });

    /// <summary>Deletes every resource of the lab, found by its ownership tags.</summary>
    public Task<LabOutcome> DestroyAsync(ClassroomLab lab, CancellationToken cancellationToken) =>
        RunAsync(lab, ClassroomLabState.Destroying, ClassroomLabState.Destroyed, async () =>
        {
            await lab.Lab.DestroyAsync(progress.ForLab(lab, ClassroomLabState.Destroying), cancellationToken).ConfigureAwait(false);
            return (null, null, null);
        });

    private async Task<LabOutcome> RunAsync(
        ClassroomLab lab, ClassroomLabState doing, ClassroomLabState done, Func<Task<(Exception? Error, TrafficReport? Traffic, DrillReport? Drill)>> work)
    {
        var started = time.GetTimestamp();
        progress.State(lab, doing);
        Exception? error;
        TrafficReport? traffic = null;
        DrillReport? drill = null;
        try
        {
            (error, traffic, drill) = await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error = ex;
        }

        progress.State(lab, error is null ? done : ClassroomLabState.Failed, error);
        return new LabOutcome(lab.Learner, lab.Lab.Name, error, time.GetElapsedTime(started), lab.Lab.Url, traffic, drill);
    }
}
