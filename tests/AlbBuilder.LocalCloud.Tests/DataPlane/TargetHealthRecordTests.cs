using AlbBuilder.LocalCloud.DataPlane;

namespace AlbBuilder.LocalCloud.Tests.DataPlane;

/// <summary>The ALB state machine without I/O or clocks: every threshold exactly.</summary>
public sealed class TargetHealthRecordTests
{
    private const int Healthy = 3;
    private const int Unhealthy = 2;
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TargetKey Key = new("i-0123456789abcdef0", 80);

    [Fact]
    public void New_IsInitialRegistrationInProgress_ThenInitialHealthChecking()
    {
        var record = new TargetHealthRecord(Key, T0);
        Assert.Equal(TargetHealthState.Initial, record.State);
        Assert.Equal(TargetHealthReasons.RegistrationInProgress, record.Reason);

        Assert.True(record.BeginCheck(T0.AddSeconds(1)));

        Assert.Equal(TargetHealthState.Initial, record.State);
        Assert.Equal(TargetHealthReasons.InitialHealthChecking, record.Reason);
        Assert.Equal(T0.AddSeconds(1), record.Since);
        Assert.False(record.BeginCheck(T0.AddSeconds(2)));
    }

    [Fact]
    public void Initial_OnePass_IsHealthy()
    {
        var record = new TargetHealthRecord(Key, T0);
        record.BeginCheck(T0);

        Assert.True(record.Apply(HealthProbeResult.Pass, Healthy, Unhealthy, T0.AddSeconds(1)));

        var snapshot = record.ToSnapshot();
        Assert.Equal(TargetHealthState.Healthy, snapshot.State);
        Assert.Equal("healthy", snapshot.StateValue);
        Assert.Null(snapshot.Reason);
        Assert.Null(snapshot.Description);
    }

    [Fact]
    public void Initial_FailuresBelowThreshold_StaysInitial_ThenUnhealthyAtThreshold()
    {
        var record = new TargetHealthRecord(Key, T0);
        record.BeginCheck(T0);

        record.Apply(HealthProbeResult.Mismatch(404), Healthy, Unhealthy, T0);
        Assert.Equal(TargetHealthState.Initial, record.State);

        record.Apply(HealthProbeResult.Mismatch(404), Healthy, Unhealthy, T0);
        Assert.Equal(TargetHealthState.Unhealthy, record.State);
        Assert.Equal(TargetHealthReasons.ResponseCodeMismatch, record.Reason);
        Assert.Equal("Health checks failed with these codes: [404]", record.Description);
    }

    [Fact]
    public void Healthy_FailuresReachUnhealthyThreshold_IsUnhealthyWithLastReason()
    {
        var record = HealthyRecord();

        record.Apply(HealthProbeResult.TimedOut, Healthy, Unhealthy, T0);
        Assert.Equal(TargetHealthState.Healthy, record.State);

        record.Apply(HealthProbeResult.TimedOut, Healthy, Unhealthy, T0);
        Assert.Equal(TargetHealthState.Unhealthy, record.State);
        Assert.Equal(TargetHealthReasons.Timeout, record.Reason);
        Assert.Equal("Request timed out", record.Description);
    }

    [Fact]
    public void Healthy_FailureThenPass_ResetsFailureCount()
    {
        var record = HealthyRecord();

        record.Apply(HealthProbeResult.ConnectionFailed, Healthy, Unhealthy, T0);
        record.Apply(HealthProbeResult.Pass, Healthy, Unhealthy, T0);
        record.Apply(HealthProbeResult.ConnectionFailed, Healthy, Unhealthy, T0);

        Assert.Equal(TargetHealthState.Healthy, record.State);
    }

    [Fact]
    public void Unhealthy_NeedsHealthyThresholdConsecutivePasses()
    {
        var record = UnhealthyRecord();

        record.Apply(HealthProbeResult.Pass, Healthy, Unhealthy, T0);
        record.Apply(HealthProbeResult.Pass, Healthy, Unhealthy, T0);
        Assert.Equal(TargetHealthState.Unhealthy, record.State);

        // A failure in between starts the count over.
        record.Apply(HealthProbeResult.Mismatch(500), Healthy, Unhealthy, T0);
        record.Apply(HealthProbeResult.Pass, Healthy, Unhealthy, T0);
        record.Apply(HealthProbeResult.Pass, Healthy, Unhealthy, T0);
        Assert.Equal(TargetHealthState.Unhealthy, record.State);
        Assert.Equal("Health checks failed with these codes: [500]", record.Description);

        record.Apply(HealthProbeResult.Pass, Healthy, Unhealthy, T0);
        Assert.Equal(TargetHealthState.Healthy, record.State);
    }

    [Fact]
    public void Unhealthy_ReasonFollowsLatestFailure()
    {
        var record = UnhealthyRecord();

        record.Apply(HealthProbeResult.ConnectionFailed, Healthy, Unhealthy, T0.AddSeconds(5));

        Assert.Equal(TargetHealthReasons.FailedHealthChecks, record.Reason);
        Assert.Equal("Health checks failed", record.Description);
        Assert.Equal(T0.AddSeconds(5), record.Since);
    }

    [Fact]
    public void NotRunning_IsUnusedInvalidState_ThenRunningStartsInitialCheckingOver()
    {
        var record = HealthyRecord();

        Assert.True(record.MarkNotRunning("stopped", T0.AddSeconds(1)));
        Assert.Equal(TargetHealthState.Unused, record.State);
        Assert.Equal(TargetHealthReasons.InvalidState, record.Reason);
        Assert.Equal("Target is in the stopped state", record.Description);
        Assert.False(record.IsChecked);
        Assert.False(record.Apply(HealthProbeResult.Pass, Healthy, Unhealthy, T0), "an unused target ignores checks");

        Assert.True(record.MarkRunning(T0.AddSeconds(2)));
        Assert.Equal(TargetHealthState.Initial, record.State);
        Assert.Equal(TargetHealthReasons.InitialHealthChecking, record.Reason);

        record.Apply(HealthProbeResult.Pass, Healthy, Unhealthy, T0.AddSeconds(3));
        Assert.Equal(TargetHealthState.Healthy, record.State);
    }

    [Fact]
    public void OutOfBandTransitions_BumpGeneration()
    {
        var record = HealthyRecord();
        var generation = record.Generation;

        record.MarkNotRunning("stopped", T0);

        Assert.NotEqual(generation, record.Generation);
    }

    [Fact]
    public void Draining_IgnoresChecksAndStopped_ReregisteredStartsOver()
    {
        var record = HealthyRecord();

        Assert.True(record.MarkDraining(T0));
        Assert.Equal(TargetHealthState.Draining, record.State);
        Assert.Equal(TargetHealthReasons.DeregistrationInProgress, record.Reason);
        Assert.False(record.Apply(HealthProbeResult.Mismatch(404), Healthy, Unhealthy, T0));
        Assert.False(record.MarkNotRunning("stopped", T0));
        Assert.Equal(TargetHealthState.Draining, record.State);

        Assert.True(record.MarkReregistered(T0));
        Assert.Equal(TargetHealthState.Initial, record.State);
        Assert.Equal(TargetHealthReasons.RegistrationInProgress, record.Reason);
    }

    [Fact]
    public void NotInUse_IsUnusedNotInUse_InUseStartsOver()
    {
        var record = HealthyRecord();

        Assert.True(record.MarkNotInUse(T0));
        Assert.Equal(TargetHealthState.Unused, record.State);
        Assert.Equal(TargetHealthReasons.NotInUse, record.Reason);

        Assert.True(record.MarkInUse(T0));
        Assert.Equal(TargetHealthState.Initial, record.State);
    }

    private static TargetHealthRecord HealthyRecord()
    {
        var record = new TargetHealthRecord(Key, T0);
        record.BeginCheck(T0);
        record.Apply(HealthProbeResult.Pass, Healthy, Unhealthy, T0);
        Assert.Equal(TargetHealthState.Healthy, record.State);
        return record;
    }

    private static TargetHealthRecord UnhealthyRecord()
    {
        var record = HealthyRecord();
        record.Apply(HealthProbeResult.Mismatch(404), Healthy, Unhealthy, T0);
        record.Apply(HealthProbeResult.Mismatch(404), Healthy, Unhealthy, T0);
        Assert.Equal(TargetHealthState.Unhealthy, record.State);
        return record;
    }
}
