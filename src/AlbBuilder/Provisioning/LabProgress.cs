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

    public void Started(string step, string message, string? resourceId = null)
    {
        ProvisioningLog.StepStarted(Logger, _lab, step, message);
        Report(step, LabEventKind.Started, message, resourceId);
    }

    public void Completed(string step, string message, string? resourceId = null)
    {
        ProvisioningLog.StepCompleted(Logger, _lab, step, message);
        Report(step, LabEventKind.Completed, message, resourceId);
    }

    public void Progress(string step, string message, string? resourceId = null)
    {
        ProvisioningLog.StepProgress(Logger, _lab, step, message);
        Report(step, LabEventKind.Progress, message, resourceId);
    }

    public void Failed(string step, string message, Exception? exception, string? resourceId = null)
    {
        ProvisioningLog.StepFailed(Logger, _lab, step, message, exception);
        Report(step, LabEventKind.Failed, message, resourceId);
    }

    public void Removed(string step, string message, string? resourceId = null)
    {
        ProvisioningLog.ResourceRemoved(Logger, _lab, step, message);
        Report(step, LabEventKind.Removed, message, resourceId);
    }

    private void Report(string step, LabEventKind kind, string message, string? resourceId) =>
        _sink?.Report(new LabEvent(_time.GetUtcNow(), step, kind, message, resourceId));
}
