using Microsoft.Extensions.Logging;

namespace AlbBuilder.Provisioning;

/// <summary>Reports each step as a <see cref="LabEvent"/> to the caller's progress sink and to the log.</summary>
internal sealed class LabProgress
{
    private readonly string _lab;
    private readonly IProgress<LabEvent>? _sink;
    private readonly TimeProvider _time;

    public LabProgress(string lab, IProgress<LabEvent>? sink, TimeProvider time, ILogger logger)
    {
        _lab = lab;
        _sink = sink;
        _time = time;
        Logger = logger;
    }

    public ILogger Logger { get; }

    public string Lab => _lab;

    public void Started(LabStep step, string message, LabResource? resource = null)
    {
        ProvisioningLog.StepStarted(Logger, _lab, step, message);
        Report(step, LabEventKind.Started, message, resource);
    }

    public void Completed(LabStep step, string message, LabResource? resource = null)
    {
        ProvisioningLog.StepCompleted(Logger, _lab, step, message);
        Report(step, LabEventKind.Completed, message, resource);
    }

    public void Progress(LabStep step, string message, LabResource? resource = null)
    {
        ProvisioningLog.StepProgress(Logger, _lab, step, message);
        Report(step, LabEventKind.Progress, message, resource);
    }

    /// <summary>A progress event the log shows at Information level: something the user should know, such as skipped AZs.</summary>
    public void Notice(LabStep step, string message, LabResource? resource = null)
    {
        ProvisioningLog.StepNotice(Logger, _lab, step, message);
        Report(step, LabEventKind.Progress, message, resource);
    }

    public void Failed(LabStep step, string message, Exception? exception, LabResource? resource = null)
    {
        ProvisioningLog.StepFailed(Logger, _lab, step, message, exception);
        Report(step, LabEventKind.Failed, message, resource);
    }

    public void Removed(LabStep step, string message, LabResource? resource = null)
    {
        ProvisioningLog.ResourceRemoved(Logger, _lab, step, message);
        Report(step, LabEventKind.Removed, message, resource);
    }

    private void Report(LabStep step, LabEventKind kind, string message, LabResource? resource) =>
        _sink?.Report(new LabEvent(_time.GetUtcNow(), step, kind, message, resource));
}
