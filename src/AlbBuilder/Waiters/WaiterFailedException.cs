namespace AlbBuilder.Waiters;

/// <summary>A failure acceptor matched: the awaited condition can no longer hold, so waiting longer cannot help.</summary>
public sealed class WaiterFailedException : WaiterException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="waiterName">The waiter's name.</param>
    /// <param name="failedState">The state (or error code) that matched the failure acceptor, for example <c>terminated</c>.</param>
    /// <param name="acceptorDescription">The failure acceptor's description, for example <c>any Instances[].State.Name == terminated</c>.</param>
    /// <param name="attempts">How many times the operation was called.</param>
    /// <param name="elapsed">The time from the start of the waiter.</param>
    /// <param name="observedStates">The states observed by the last attempt.</param>
    /// <param name="innerException">The service error that matched, when an error acceptor matched.</param>
    public WaiterFailedException(
        string waiterName,
        string failedState,
        string acceptorDescription,
        int attempts,
        TimeSpan elapsed,
        IReadOnlyList<ObservedState> observedStates,
        Exception? innerException = null)
        : base(
            $"Waiter {waiterName} failed: reached the failure state '{failedState}' ({acceptorDescription}) after {WaiterText.Attempts(attempts)} in {WaiterText.Duration(elapsed)}. Observed: {ObservedState.Summarize(observedStates)}.",
            waiterName,
            attempts,
            elapsed,
            observedStates,
            innerException)
    {
        FailedState = failedState;
        AcceptorDescription = acceptorDescription;
    }

    /// <summary>Gets the state (or error code) that matched the failure acceptor.</summary>
    public string FailedState { get; }

    /// <summary>Gets the failure acceptor's description.</summary>
    public string AcceptorDescription { get; }
}
