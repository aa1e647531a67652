namespace AlbBuilder;

/// <summary>One entry of a failover drill's timeline: an event, so a read-only class rather than a value.</summary>
/// <param name="timestamp">When it happened (from the drill's <see cref="TimeProvider"/>).</param>
/// <param name="step">The step.</param>
/// <param name="kind">Whether the step completed or failed (<see cref="LabEventKind.Progress"/> for intermediate notes).</param>
/// <param name="detail">What happened, in a line.</param>
public sealed class DrillEvent(DateTimeOffset timestamp, DrillStep step, LabEventKind kind, string detail)
{
    /// <summary>When it happened (from the drill's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset Timestamp { get; } = timestamp;

    /// <summary>The step.</summary>
    public DrillStep Step { get; } = step;

    /// <summary>Whether the step completed or failed (<see cref="LabEventKind.Progress"/> for intermediate notes).</summary>
    public LabEventKind Kind { get; } = kind;

    /// <summary>What happened, in a line.</summary>
    public string Detail { get; } = detail;

    /// <inheritdoc />
    public override string ToString() => $"{Timestamp:HH:mm:ss.fff} {Step} {Kind}: {Detail}";
}
