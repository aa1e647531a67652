namespace AlbBuilder.Waiters;

/// <summary>The outcome of a waiter that reached its success state.</summary>
/// <typeparam name="TResponse">The type the waiter's operation returns.</typeparam>
/// <param name="Response">The last response, or the default value when an error acceptor (for example NotFound while waiting for deletion) decided success.</param>
/// <param name="Attempts">How many times the operation was called.</param>
/// <param name="Elapsed">The time from the start of the waiter to its success.</param>
/// <param name="ObservedStates">The states observed by the last attempt.</param>
internal sealed record WaiterResult<TResponse>(
    TResponse? Response,
    int Attempts,
    TimeSpan Elapsed,
    IReadOnlyList<ObservedState> ObservedStates);
