using Amazon.Runtime;

namespace AlbBuilder.Waiters;

/// <summary>
/// A waiter: a name, ordered acceptors, how to describe what a response shows, and the default timing of
/// the official definition. Immutable; run it with <see cref="Waiter.WaitAsync{TResponse}(WaiterDefinition{TResponse}, Func{CancellationToken, Task{TResponse}}, WaiterOptions?, CancellationToken)"/>.
/// </summary>
/// <typeparam name="TResponse">The type the waiter's operation returns.</typeparam>
internal sealed class WaiterDefinition<TResponse>
{
    private readonly TimeSpan _minDelay = TimeSpan.FromSeconds(15);
    private readonly TimeSpan _timeout = TimeSpan.FromMinutes(10);

    /// <summary>Creates a waiter definition.</summary>
    /// <param name="name">The waiter's name, for example <c>InstanceRunning</c>.</param>
    /// <param name="acceptors">The acceptors, evaluated in order; the first that matches decides.</param>
    /// <param name="observe">Describes the states a response shows, for progress and error messages.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or <paramref name="acceptors"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument or an acceptor is null.</exception>
    public WaiterDefinition(string name, IEnumerable<WaiterAcceptor<TResponse>> acceptors, Func<TResponse, IReadOnlyList<ObservedState>> observe)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(acceptors);
        ArgumentNullException.ThrowIfNull(observe);
        var list = acceptors.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A waiter needs at least one acceptor.", nameof(acceptors));
        }

        foreach (var acceptor in list)
        {
            ArgumentNullException.ThrowIfNull(acceptor, nameof(acceptors));
        }

        Name = name;
        Acceptors = list;
        Observe = observe;
    }

    /// <summary>Gets the waiter's name.</summary>
    public string Name { get; }

    /// <summary>Gets the acceptors in evaluation order.</summary>
    public IReadOnlyList<WaiterAcceptor<TResponse>> Acceptors { get; }

    /// <summary>Gets the function that describes the states a response shows.</summary>
    public Func<TResponse, IReadOnlyList<ObservedState>> Observe { get; }

    /// <summary>Gets the function that describes the state an error shows (an error acceptor matched).</summary>
    /// <value>The default reports one state with id <c>error</c>, the error code as state and the message as description.</value>
    public Func<AmazonServiceException, IReadOnlyList<ObservedState>> ObserveError { get; init; } =
        static error => [new ObservedState("error", error.ErrorCode ?? error.GetType().Name, Description: error.Message)];

    /// <summary>Gets the shortest delay between attempts unless <see cref="WaiterOptions.MinDelay"/> overrides it.</summary>
    /// <value>The default value is 15 seconds, the delay of the official definitions.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan MinDelay
    {
        get => _minDelay;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _minDelay = value;
        }
    }

    /// <summary>Gets the longest time to wait unless <see cref="WaiterOptions.Timeout"/> overrides it.</summary>
    /// <value>The default value is 10 minutes (the official 15 seconds × 40 attempts).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _timeout = value;
        }
    }
}
