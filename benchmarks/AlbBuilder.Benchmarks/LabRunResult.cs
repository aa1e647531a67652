namespace AlbBuilder.Benchmarks;

/// <summary>What one lab run measured (wall-clock, from the benchmark's stopwatch).</summary>
internal sealed record LabRunResult(
    RunMode Mode,
    int Instances,
    TimeSpan Serving,
    TimeSpan Verify,
    TimeSpan Teardown,
    TimeSpan? LoadBalancerCreated,
    TimeSpan? LoadBalancerActiveSeen,
    TimeSpan? HealthyWaitStarted,
    PhaseCalls StartCalls,
    PhaseCalls VerifyCalls,
    PhaseCalls DestroyCalls,
    IReadOnlyList<WaiterRun> WaiterRuns);
