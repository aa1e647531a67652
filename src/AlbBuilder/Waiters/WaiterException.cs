namespace AlbBuilder.Waiters;

/// <summary>A waiter stopped without reaching its success state; carries what it last observed.</summary>
public abstract class WaiterException : Exception
{
    /// <summary>Initializes the common data of a waiter exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="waiterName">The waiter's name.</param>
    /// <param name="attempts">How many times the operation was called.</param>
    /// <param name="elapsed">The time from the start of the waiter.</param>
    /// <param name="observedStates">The states observed by the last attempt.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    protected WaiterException(
        string message,
        string waiterName,
        int attempts,
        TimeSpan elapsed,
        IReadOnlyList<ObservedState> observedStates,
        Exception? innerException)
        : base(message, innerException)
    {
        WaiterName = waiterName;
        Attempts = attempts;
        Elapsed = elapsed;
        ObservedStates = observedStates ?? [];
    }

    /// <summary>Gets the waiter's name, for example <c>TargetInService</c>.</summary>
    public string WaiterName { get; }

    /// <summary>Gets how many times the operation was called.</summary>
    public int Attempts { get; }

    /// <summary>Gets the time from the start of the waiter until it stopped.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Gets the states observed by the last attempt (for example each target's state, reason and description).</summary>
    public IReadOnlyList<ObservedState> ObservedStates { get; }
}
