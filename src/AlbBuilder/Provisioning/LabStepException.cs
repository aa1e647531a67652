namespace AlbBuilder.Provisioning;

/// <summary>A start step failed; carries the step to the rollback and the <see cref="AlbLabException"/> it raises.</summary>
internal sealed class LabStepException : Exception
{
    public LabStepException(LabStep step, Exception innerException)
        : base($"Step {step} failed: {innerException.Message}", innerException)
    {
        Step = step;
    }

    public LabStep Step { get; }
}
