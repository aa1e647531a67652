namespace AlbBuilder.Provisioning;

/// <summary>
/// Runs the steps of one start: reports each as events and as an activity, and lets the first failure win — it cancels
/// the other branches and is what the rollback names (<see cref="Failure"/>).
/// </summary>
internal sealed class LabStepRunner : IDisposable
{
    private readonly LabProgress _progress;
    private readonly CancellationTokenSource _abort;
    private readonly Lock _failureLock = new();
    private LabStepException? _failure;

    public LabStepRunner(LabProgress progress, CancellationToken cancellationToken)
    {
        _progress = progress;
        _abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>The first step that failed, once one has.</summary>
    public LabStepException? Failure
    {
        get
        {
            lock (_failureLock)
            {
                return _failure;
            }
        }
    }

    public LabProgress Progress => _progress;

    /// <summary>Cancelled by the caller or by the first failure.</summary>
    public CancellationToken Token => _abort.Token;

    public Task RunAsync(LabStep step, string message, Func<CancellationToken, Task> body, string done, LabResource? resource = null) =>
        RunAsync(
            step,
            message,
            async ct =>
            {
                await body(ct).ConfigureAwait(false);
                return true;
            },
            _ => done,
            resource);

    public async Task<T> RunAsync<T>(LabStep step, string message, Func<CancellationToken, Task<T>> body, Func<T, string> done, LabResource? resource = null)
    {
        using var activity = LabActivities.Start(_progress.Lab, step, resource);
        _progress.Started(step, message, resource);
        try
        {
            var result = await body(_abort.Token).ConfigureAwait(false);
            _progress.Completed(step, done(result), resource);
            LabActivities.Succeeded(activity);
            return result;
        }
        catch (Exception ex)
        {
            LabActivities.Failed(activity, ex);
            var cause = ex is LabStepException inner ? inner.InnerException! : ex;
            bool first;
            LabStepException failure;
            lock (_failureLock)
            {
                first = _failure is null;
                _failure ??= ex as LabStepException ?? new LabStepException(step, cause);
                failure = _failure;
            }

            _progress.Failed(step, first ? cause.Message : $"Stopped: step {failure.Step} failed", cause, resource);
            if (first)
            {
                await _abort.CancelAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public void Dispose() => _abort.Dispose();
}
