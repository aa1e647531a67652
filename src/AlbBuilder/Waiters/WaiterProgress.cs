namespace AlbBuilder.Waiters;

/// <summary>Reported after every attempt of a waiter through <see cref="WaiterOptions.Progress"/>.</summary>
/// <param name="WaiterName">The waiter's name, for example <c>InstanceRunning</c>.</param>
/// <param name="Attempt">The attempt just made, starting at 1.</param>
/// <param name="Elapsed">The time since the waiter started.</param>
/// <param name="Outcome">What the attempt decided: success, retry or failure.</param>
/// <param name="ObservedStates">The states the attempt observed.</param>
/// <param name="NextDelay">The delay before the next attempt, or <see langword="null"/> when there is none.</param>
public sealed record WaiterProgress(
    string WaiterName,
    int Attempt,
    TimeSpan Elapsed,
    WaiterState Outcome,
    IReadOnlyList<ObservedState> ObservedStates,
    TimeSpan? NextDelay)
{
    /// <summary>Gets the observed states as one line, for example <c>i-1: pending, i-2: running</c>.</summary>
    public string Summary => ObservedState.Summarize(ObservedStates);
}
