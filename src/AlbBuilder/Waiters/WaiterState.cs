namespace AlbBuilder.Waiters;

/// <summary>What a waiter's attempt decided (<see cref="WaiterProgress.Outcome"/>), as in the official waiter definitions.</summary>
public enum WaiterState
{
    /// <summary>The awaited condition holds: the waiter returns.</summary>
    Success,

    /// <summary>Not there yet: the waiter polls again after a delay.</summary>
    Retry,

    /// <summary>The awaited condition can no longer hold: the waiter throws <see cref="WaiterFailedException"/>.</summary>
    Failure,
}
