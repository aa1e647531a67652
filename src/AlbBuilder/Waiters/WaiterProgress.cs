namespace AlbBuilder.Waiters;

/// <summary>
/// Reported after every attempt of a waiter through <see cref="WaiterOptions.Progress"/>. An event, so a read-only
/// class rather than a value.
/// </summary>
/// <param name="waiterName">The waiter's name, for example <c>InstanceRunning</c>.</param>
/// <param name="attempt">The attempt just made, starting at 1.</param>
/// <param name="elapsed">The time since the waiter started.</param>
/// <param name="outcome">What the attempt decided: success, retry or failure.</param>
/// <param name="observedStates">The states the attempt observed.</param>
/// <param name="nextDelay">The delay before the next attempt, or <see langword="null"/> when there is none.</param>
public sealed class WaiterProgress(
    string waiterName,
    int attempt,
    TimeSpan elapsed,
    WaiterState outcome,
    IReadOnlyList<ObservedState> observedStates,
    TimeSpan? nextDelay)
{
    /// <summary>The waiter's name, for example <c>InstanceRunning</c>.</summary>
    public string WaiterName { get; } = waiterName;

    /// <summary>The attempt just made, starting at 1.</summary>
    public int Attempt { get; } = attempt;

    /// <summary>The time since the waiter started.</summary>
    public TimeSpan Elapsed { get; } = elapsed;

    /// <summary>What the attempt decided: success, retry or failure.</summary>
    public WaiterState Outcome { get; } = outcome;

    /// <summary>The states the attempt observed.</summary>
    public IReadOnlyList<ObservedState> ObservedStates { get; } = observedStates;

    /// <summary>The delay before the next attempt, or <see langword="null"/> when there is none.</summary>
    public TimeSpan? NextDelay { get; } = nextDelay;

    /// <summary>Gets the observed states as one line, for example <c>i-1: pending, i-2: running</c>.</summary>
    public string Summary => ObservedState.Summarize(ObservedStates);

    /// <inheritdoc />
    public override string ToString() => $"{WaiterName} #{Attempt} ({Outcome}): {Summary}";
}
