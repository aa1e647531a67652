namespace AlbBuilder.Waiters;

/// <summary>The waiter's deadline passed before a success or failure acceptor matched.</summary>
public sealed class WaiterTimeoutException : WaiterException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="waiterName">The waiter's name.</param>
    /// <param name="timeout">The timeout that passed.</param>
    /// <param name="attempts">How many times the operation was called.</param>
    /// <param name="elapsed">The time from the start of the waiter.</param>
    /// <param name="observedStates">The states observed by the last attempt.</param>
    public WaiterTimeoutException(
        string waiterName,
        TimeSpan timeout,
        int attempts,
        TimeSpan elapsed,
        IReadOnlyList<ObservedState> observedStates)
        : base(
            $"Waiter {waiterName} timed out after {WaiterText.Duration(elapsed)} (timeout {WaiterText.Duration(timeout)}, {WaiterText.Attempts(attempts)}). Last observed: {ObservedState.Summarize(observedStates)}.",
            waiterName,
            attempts,
            elapsed,
            observedStates,
            innerException: null)
    {
        Timeout = timeout;
    }

    /// <summary>Gets the timeout that passed.</summary>
    public TimeSpan Timeout { get; }
}
