using AlbBuilder.Waiters;

namespace AlbBuilder.Provisioning;

/// <summary>Waiter options for one step: the lab's clock, the step's timeout, attempts reported as progress.</summary>
internal static class LabWaits
{
    public static WaiterOptions Options(TimeProvider time, TimeSpan timeout, LabProgress progress, string step) => new()
    {
        TimeProvider = time,
        Timeout = timeout,
        MinDelay = TimeSpan.FromSeconds(5),
        MaxDelay = TimeSpan.FromSeconds(15),
        Progress = new WaiterProgressReporter(progress, step),
    };
}
