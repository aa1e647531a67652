namespace AlbBuilder.Benchmarks;

/// <summary>What one lab run measured (wall-clock, from the benchmark's stopwatch); TrafficFailure: the first failed traffic check after StartAsync, if any.</summary>
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
    IReadOnlyList<WaiterRun> WaiterRuns,
    string? TrafficFailure);
