using AlbBuilder.Waiters;

namespace AlbBuilder.Provisioning;

/// <summary>Turns each waiter attempt into a <see cref="LabEventKind.Progress"/> event of the current step (synchronously, unlike <see cref="Progress{T}"/>).</summary>
internal sealed class WaiterProgressReporter(LabProgress progress, LabStep step) : IProgress<WaiterProgress>
{
    public void Report(WaiterProgress value) =>
        progress.Progress(step, $"{value.WaiterName} attempt {value.Attempt}: {value.Summary}");
}
