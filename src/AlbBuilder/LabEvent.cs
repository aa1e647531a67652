namespace AlbBuilder;

/// <summary>
/// A progress report from a lab operation. An event happened once, so it is a read-only class rather than a value:
/// no equality, <c>with</c> or deconstruction.
/// </summary>
/// <param name="timestamp">When it happened (from the lab's <see cref="TimeProvider"/>).</param>
/// <param name="step">The step (e.g. <see cref="LabStep.CreateLoadBalancer"/>, <see cref="LabStep.WaitTargetsHealthy"/>).</param>
/// <param name="kind">Whether the step started, progressed, completed or failed.</param>
/// <param name="message">A human-readable line.</param>
/// <param name="resource">The resource concerned, when there is one.</param>
public sealed class LabEvent(DateTimeOffset timestamp, LabStep step, LabEventKind kind, string message, LabResource? resource = null)
{
    /// <summary>When it happened (from the lab's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset Timestamp { get; } = timestamp;

    /// <summary>The step (e.g. <see cref="LabStep.CreateLoadBalancer"/>, <see cref="LabStep.WaitTargetsHealthy"/>).</summary>
    public LabStep Step { get; } = step;

    /// <summary>Whether the step started, progressed, completed or failed.</summary>
    public LabEventKind Kind { get; } = kind;

    /// <summary>A human-readable line.</summary>
    public string Message { get; } = message;

    /// <summary>The resource concerned, when there is one.</summary>
    public LabResource? Resource { get; } = resource;

    /// <summary>The id or ARN of <see cref="Resource"/>, when there is one.</summary>
    public string? ResourceId => Resource?.Id;

    /// <inheritdoc />
    public override string ToString() => $"{Timestamp:HH:mm:ss.fff} {Step} {Kind}: {Message}";
}
