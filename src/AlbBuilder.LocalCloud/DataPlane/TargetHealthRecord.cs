namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>
/// One target's ALB health state machine. Not thread-safe: <see cref="TargetHealthChecker"/> guards it.
/// Kept free of I/O so the thresholds can be tested without a server or a clock.
/// </summary>
internal sealed class TargetHealthRecord
{
    /// <summary>Initializes a new record for a freshly registered target: <c>initial</c> / <c>Elb.RegistrationInProgress</c>.</summary>
    /// <param name="key">The target.</param>
    /// <param name="now">The registration time.</param>
    public TargetHealthRecord(TargetKey key, DateTimeOffset now)
    {
        Key = key;
        Reason = TargetHealthReasons.RegistrationInProgress;
        Description = TargetHealthReasons.RegistrationInProgressDescription;
        Since = now;
    }

    /// <summary>Gets the target.</summary>
    public TargetKey Key { get; }

    /// <summary>Gets the state.</summary>
    public TargetHealthState State { get; private set; } = TargetHealthState.Initial;

    /// <summary>Gets the reason code, <see langword="null"/> when healthy.</summary>
    public string? Reason { get; private set; }

    /// <summary>Gets the description, <see langword="null"/> when healthy.</summary>
    public string? Description { get; private set; }

    /// <summary>Gets when the state or reason last changed.</summary>
    public DateTimeOffset Since { get; private set; }

    /// <summary>Gets the number of consecutive passing checks.</summary>
    public int ConsecutivePasses { get; private set; }

    /// <summary>Gets the number of consecutive failing checks.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>Gets a counter bumped by every out-of-band transition, so that a probe started before it is ignored.</summary>
    public int Generation { get; private set; }

    /// <summary>Gets or sets the endpoint the control plane reported last.</summary>
    public TargetEndpoint? LastEndpoint { get; set; }

    /// <summary>Gets whether health checks run for the target (initial, healthy or unhealthy).</summary>
    public bool IsChecked => State is TargetHealthState.Initial or TargetHealthState.Healthy or TargetHealthState.Unhealthy;

    /// <summary>A check is about to run: a registering target moves on to <c>Elb.InitialHealthChecking</c>.</summary>
    /// <param name="now">The time.</param>
    /// <returns><see langword="true"/> when the state changed.</returns>
    public bool BeginCheck(DateTimeOffset now)
    {
        if (State == TargetHealthState.Initial && Reason == TargetHealthReasons.RegistrationInProgress)
        {
            Set(TargetHealthState.Initial, TargetHealthReasons.InitialHealthChecking, TargetHealthReasons.InitialHealthCheckingDescription, now);
            return true;
        }

        return false;
    }

    /// <summary>Applies a check result with the ALB thresholds.</summary>
    /// <param name="result">The check result.</param>
    /// <param name="healthyThreshold">Consecutive passes that bring an unhealthy target back.</param>
    /// <param name="unhealthyThreshold">Consecutive failures that make a target unhealthy.</param>
    /// <param name="now">The time.</param>
    /// <returns><see langword="true"/> when the state, reason or description changed.</returns>
    public bool Apply(HealthProbeResult result, int healthyThreshold, int unhealthyThreshold, DateTimeOffset now)
    {
        if (!IsChecked)
        {
            return false;
        }

        if (result.Passed)
        {
            ConsecutiveFailures = 0;
            ConsecutivePasses++;

            // A new target needs one pass; a target coming back from unhealthy needs the healthy threshold.
            var becomesHealthy = State switch
            {
                TargetHealthState.Initial => true,
                TargetHealthState.Unhealthy => ConsecutivePasses >= healthyThreshold,
                _ => false,
            };
            return becomesHealthy && Set(TargetHealthState.Healthy, null, null, now);
        }

        ConsecutivePasses = 0;
        ConsecutiveFailures++;
        if (State == TargetHealthState.Unhealthy)
        {
            // Stays unhealthy; the reason follows the latest failure as DescribeTargetHealth shows it.
            return Set(TargetHealthState.Unhealthy, result.Reason, result.Description, now);
        }

        return ConsecutiveFailures >= unhealthyThreshold
            && Set(TargetHealthState.Unhealthy, result.Reason, result.Description, now);
    }

    /// <summary>The instance is not running: <c>unused</c> / <c>Target.InvalidState</c>.</summary>
    /// <param name="instanceState">The EC2 state name.</param>
    /// <param name="now">The time.</param>
    /// <returns><see langword="true"/> when the state changed.</returns>
    public bool MarkNotRunning(string instanceState, DateTimeOffset now)
    {
        if (State == TargetHealthState.Draining)
        {
            return false;
        }

        return Reset(TargetHealthState.Unused, TargetHealthReasons.InvalidState, TargetHealthReasons.InvalidStateDescription(instanceState), now);
    }

    /// <summary>The instance runs (again): a stopped target goes back to initial checking.</summary>
    /// <param name="now">The time.</param>
    /// <returns><see langword="true"/> when the state changed.</returns>
    public bool MarkRunning(DateTimeOffset now)
    {
        if (State == TargetHealthState.Unused && Reason == TargetHealthReasons.InvalidState)
        {
            return Reset(TargetHealthState.Initial, TargetHealthReasons.InitialHealthChecking, TargetHealthReasons.InitialHealthCheckingDescription, now);
        }

        return false;
    }

    /// <summary>The target group lost its last listener: <c>unused</c> / <c>Target.NotInUse</c>.</summary>
    /// <param name="now">The time.</param>
    /// <returns><see langword="true"/> when the state changed.</returns>
    public bool MarkNotInUse(DateTimeOffset now) =>
        State != TargetHealthState.Draining
        && Reset(TargetHealthState.Unused, TargetHealthReasons.NotInUse, TargetHealthReasons.NotInUseDescription, now);

    /// <summary>The target group is used by a listener again: checking starts over.</summary>
    /// <param name="now">The time.</param>
    /// <returns><see langword="true"/> when the state changed.</returns>
    public bool MarkInUse(DateTimeOffset now) =>
        State == TargetHealthState.Unused && Reason == TargetHealthReasons.NotInUse
        && Reset(TargetHealthState.Initial, TargetHealthReasons.RegistrationInProgress, TargetHealthReasons.RegistrationInProgressDescription, now);

    /// <summary>The target was deregistered: <c>draining</c> / <c>Target.DeregistrationInProgress</c>.</summary>
    /// <param name="now">The time.</param>
    /// <returns><see langword="true"/> when the state changed.</returns>
    public bool MarkDraining(DateTimeOffset now) =>
        Reset(TargetHealthState.Draining, TargetHealthReasons.DeregistrationInProgress, TargetHealthReasons.DeregistrationInProgressDescription, now);

    /// <summary>Registered again (for example while draining): starts over as a new registration.</summary>
    /// <param name="now">The time.</param>
    /// <returns><see langword="true"/> when the state changed.</returns>
    public bool MarkReregistered(DateTimeOffset now) =>
        State == TargetHealthState.Draining
        && Reset(TargetHealthState.Initial, TargetHealthReasons.RegistrationInProgress, TargetHealthReasons.RegistrationInProgressDescription, now);

    /// <summary>Copies the current state.</summary>
    /// <returns>The snapshot.</returns>
    public TargetHealthSnapshot ToSnapshot() => new(Key, State, Reason, Description, Since);

    private bool Reset(TargetHealthState state, string? reason, string? description, DateTimeOffset now)
    {
        ConsecutivePasses = 0;
        ConsecutiveFailures = 0;
        Generation++;
        return Set(state, reason, description, now);
    }

    private bool Set(TargetHealthState state, string? reason, string? description, DateTimeOffset now)
    {
        if (State == state && Reason == reason && Description == description)
        {
            return false;
        }

        if (State != state || Reason != reason)
        {
            Since = now;
        }

        State = state;
        Reason = reason;
        Description = description;
        return true;
    }
}
