using AlbBuilder.Waiters;

namespace AlbBuilder.Provisioning;

/// <summary>Waiter options for one step: the lab's clock, the step's timeout, attempts reported as progress.</summary>
internal static class LabWaits
{
    /// <summary>Polls every <paramref name="pollInterval"/> (the lab's <c>WithPolling</c>), backing off up to three times that.</summary>
    public static WaiterOptions Options(TimeProvider time, TimeSpan timeout, TimeSpan pollInterval, LabProgress? progress, LabStep step) => new()
    {
        TimeProvider = time,
        Timeout = timeout,
        MinDelay = pollInterval,
        MaxDelay = pollInterval * 3,
        Progress = progress is null ? null : new WaiterProgressReporter(progress, step),
    };
}
