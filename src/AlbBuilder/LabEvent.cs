namespace AlbBuilder;

/// <summary>A progress report from a lab operation.</summary>
/// <param name="Timestamp">When it happened (from the lab's <see cref="TimeProvider"/>).</param>
/// <param name="Step">The step (e.g. <see cref="LabStep.CreateLoadBalancer"/>, <see cref="LabStep.WaitTargetsHealthy"/>).</param>
/// <param name="Kind">Whether the step started, progressed, completed or failed.</param>
/// <param name="Message">A human-readable line.</param>
/// <param name="Resource">The resource concerned, when there is one.</param>
public sealed record LabEvent(DateTimeOffset Timestamp, LabStep Step, LabEventKind Kind, string Message, LabResource? Resource = null)
{
    /// <summary>The id or ARN of <see cref="Resource"/>, when there is one.</summary>
    public string? ResourceId => Resource?.Id;
}
