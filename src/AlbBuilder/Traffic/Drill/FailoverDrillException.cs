namespace AlbBuilder;

/// <summary>
/// A failover drill could not complete a step (an AWS call failed or a wait timed out). The stopped instance was started
/// again before this was thrown; <see cref="Report"/>'s timeline says whether that worked.
/// </summary>
public sealed class FailoverDrillException : AlbLabException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the step.</param>
    /// <param name="innerException">The cause.</param>
    /// <param name="failedStep">The step that failed.</param>
    /// <param name="report">The drill's report up to the failure, including the restore.</param>
    public FailoverDrillException(string message, Exception? innerException, DrillStep failedStep, DrillReport report)
        : base(message, innerException, null, LabResourceSet.Empty, LabResourceSet.Empty)
    {
        FailedStep = failedStep;
        Report = report;
    }

    /// <summary>The step that failed.</summary>
    public DrillStep FailedStep { get; }

    /// <summary>The drill's report up to the failure, with the restore in its timeline.</summary>
    public DrillReport Report { get; }
}
