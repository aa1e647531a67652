namespace AlbBuilder;

/// <summary>
/// A lab operation failed. Says which step failed, what had been created and what was removed; what is still there is
/// <c>Created.Except(Removed)</c>.
/// </summary>
public class AlbLabException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public AlbLabException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause (often an AWS service exception).</param>
    public AlbLabException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with its cause and what happened to the lab's resources.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    /// <param name="step">The step that failed.</param>
    /// <param name="created">The resources created before the failure.</param>
    /// <param name="removed">The resources removed by the rollback or teardown.</param>
    public AlbLabException(string message, Exception? innerException, LabStep? step, LabResourceSet created, LabResourceSet removed)
        : base(message, innerException)
    {
        Step = step;
        Created = created ?? LabResourceSet.Empty;
        Removed = removed ?? LabResourceSet.Empty;
    }

    /// <summary>The step that failed, when known.</summary>
    public LabStep? Step { get; }

    /// <summary>The resources created before the failure (including creates whose response was lost, found by tag).</summary>
    public LabResourceSet Created { get; } = LabResourceSet.Empty;

    /// <summary>The resources the rollback (or teardown) removed.</summary>
    public LabResourceSet Removed { get; } = LabResourceSet.Empty;
}
