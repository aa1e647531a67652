namespace AlbBuilder;

/// <summary>A lab operation failed. Says which step failed, what had been created and what was removed.</summary>
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
    /// <param name="removed">The resources removed by the rollback.</param>
    public AlbLabException(string message, Exception? innerException, string? step, IReadOnlyList<string> created, IReadOnlyList<string> removed)
        : base(message, innerException)
    {
        Step = step;
        Created = created;
        Removed = removed;
    }

    /// <summary>The step that failed, when known.</summary>
    public string? Step { get; }

    /// <summary>The resources created before the failure.</summary>
    public IReadOnlyList<string> Created { get; } = [];

    /// <summary>The resources the rollback removed.</summary>
    public IReadOnlyList<string> Removed { get; } = [];
}
