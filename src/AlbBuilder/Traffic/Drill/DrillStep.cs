namespace AlbBuilder;

/// <summary>The steps of a failover drill, in the order they run.</summary>
public enum DrillStep
{
    /// <summary>Read the lab's instances and pick the one to stop.</summary>
    Discover,

    /// <summary>Verify that every instance serves before anything is stopped.</summary>
    Baseline,

    /// <summary>Stop the chosen instance.</summary>
    StopInstance,

    /// <summary>Wait until its target is <c>unused</c> (<c>Target.InvalidState</c>).</summary>
    WaitTargetUnused,

    /// <summary>Verify that the traffic reaches only the surviving instances.</summary>
    VerifySurvivors,

    /// <summary>Wait until the instance is <c>stopped</c> (an instance can't be started while stopping).</summary>
    WaitInstanceStopped,

    /// <summary>Start the instance again.</summary>
    StartInstance,

    /// <summary>Wait until it runs and every target is healthy.</summary>
    WaitTargetsHealthy,

    /// <summary>Verify that every instance serves again.</summary>
    VerifyAllServe,

    /// <summary>Start the stopped instance again (or recover it) after a failure or cancellation.</summary>
    Restore,

    /// <summary><see cref="DrillKind.Unhealthy"/>: make the instance fail its health check (instead of <see cref="StopInstance"/>).</summary>
    MakeUnhealthy,

    /// <summary><see cref="DrillKind.Unhealthy"/>: wait until its target is <c>unhealthy</c> (instead of <see cref="WaitTargetUnused"/>).</summary>
    WaitTargetUnhealthy,

    /// <summary><see cref="DrillKind.Unhealthy"/>: undo the fault (instead of <see cref="WaitInstanceStopped"/> and <see cref="StartInstance"/>).</summary>
    Recover,
}
