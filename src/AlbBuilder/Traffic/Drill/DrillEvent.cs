namespace AlbBuilder;

/// <summary>One entry of a failover drill's timeline.</summary>
/// <param name="Timestamp">When it happened (from the drill's <see cref="TimeProvider"/>).</param>
/// <param name="Step">The step.</param>
/// <param name="Kind">Whether the step completed or failed (<see cref="LabEventKind.Progress"/> for intermediate notes).</param>
/// <param name="Detail">What happened, in a line.</param>
public sealed record DrillEvent(DateTimeOffset Timestamp, DrillStep Step, LabEventKind Kind, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{Timestamp:HH:mm:ss.fff} {Step} {Kind}: {Detail}";
}
