namespace AlbBuilder;

/// <summary>A progress report from a lab operation.</summary>
/// <param name="Timestamp">When it happened (from the lab's <see cref="TimeProvider"/>).</param>
/// <param name="Step">The step, in the lab's vocabulary (e.g. <c>CreateLoadBalancer</c>, <c>WaitTargetsHealthy</c>).</param>
/// <param name="Kind">Whether the step started, progressed, completed or failed.</param>
/// <param name="Message">A human-readable line.</param>
/// <param name="ResourceId">The resource concerned, when there is one.</param>
public sealed record LabEvent(DateTimeOffset Timestamp, string Step, LabEventKind Kind, string Message, string? ResourceId = null);
