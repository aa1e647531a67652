using Amazon.Runtime;

namespace AlbBuilder.Waiters;

/// <summary>
/// One rule of a waiter: when it matches a response (or an error code) it decides success, retry or failure.
/// The matchers mirror the official <c>waiters-2.json</c> ones (<c>pathAll</c>, <c>pathAny</c>, <c>path</c>,
/// <c>error</c>) with typed selectors instead of JMESPath strings.
/// </summary>
/// <typeparam name="TResponse">The type the waiter's operation returns.</typeparam>
internal sealed class WaiterAcceptor<TResponse>
{
    private readonly Func<TResponse, bool>? _matchesResponse;

    private WaiterAcceptor(WaiterState state, string expected, string description, Func<TResponse, bool>? matchesResponse, string? errorCode)
    {
        State = state;
        Expected = expected;
        Description = description;
        _matchesResponse = matchesResponse;
        ErrorCode = errorCode;
    }

    /// <summary>Gets the state the waiter moves to when this acceptor matches.</summary>
    public WaiterState State { get; }

    /// <summary>Gets the expected value (or error code) this acceptor matches, used to name the state in messages.</summary>
    public string Expected { get; }

    /// <summary>Gets a readable description of the rule, for example <c>any Instances[].State.Name == terminated</c>.</summary>
    public string Description { get; }

    /// <summary>Gets the error code an error acceptor matches, or <see langword="null"/> for a response acceptor.</summary>
    public string? ErrorCode { get; }

    /// <summary>Matches when the selector yields at least one value and every value equals <paramref name="expected"/> (official <c>pathAll</c>).</summary>
    /// <param name="values">Selects the values to compare, for example every instance's state name.</param>
    /// <param name="expected">The value each one must equal (ordinal).</param>
    /// <param name="state">What a match decides.</param>
    /// <param name="path">A readable name of the selected values for messages, for example <c>Instances[].State.Name</c>.</param>
    /// <returns>The acceptor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or <paramref name="expected"/> is null.</exception>
    public static WaiterAcceptor<TResponse> PathAll(Func<TResponse, IEnumerable<string?>> values, string expected, WaiterState state, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(expected);

        // An empty result does not match, as in the official semantics.
        return new(state, expected, $"all {path ?? "values"} == {expected}", response =>
        {
            var any = false;
            foreach (var value in values(response))
            {
                if (!string.Equals(value, expected, StringComparison.Ordinal))
                {
                    return false;
                }

                any = true;
            }

            return any;
        }, errorCode: null);
    }

    /// <summary>Matches when any value the selector yields equals <paramref name="expected"/> (official <c>pathAny</c>).</summary>
    /// <param name="values">Selects the values to compare.</param>
    /// <param name="expected">The value one of them must equal (ordinal).</param>
    /// <param name="state">What a match decides.</param>
    /// <param name="path">A readable name of the selected values for messages.</param>
    /// <returns>The acceptor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or <paramref name="expected"/> is null.</exception>
    public static WaiterAcceptor<TResponse> PathAny(Func<TResponse, IEnumerable<string?>> values, string expected, WaiterState state, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(expected);
        return new(
            state,
            expected,
            $"any {path ?? "value"} == {expected}",
            response => values(response).Any(value => string.Equals(value, expected, StringComparison.Ordinal)),
            errorCode: null);
    }

    /// <summary>Matches when <paramref name="predicate"/> holds for the response (official <c>path</c> with <c>expected: true</c>).</summary>
    /// <param name="predicate">The condition over the response.</param>
    /// <param name="expected">A short name of the state the condition describes, for messages, for example <c>unused (Target.InvalidState)</c>.</param>
    /// <param name="state">What a match decides.</param>
    /// <param name="description">A readable description of the condition; defaults to <paramref name="expected"/>.</param>
    /// <returns>The acceptor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> or <paramref name="expected"/> is null.</exception>
    public static WaiterAcceptor<TResponse> Path(Func<TResponse, bool> predicate, string expected, WaiterState state, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(expected);
        return new(state, expected, description ?? expected, predicate, errorCode: null);
    }

    /// <summary>Matches when the operation throws an <see cref="AmazonServiceException"/> whose <see cref="AmazonServiceException.ErrorCode"/> equals <paramref name="errorCode"/> (official <c>error</c>).</summary>
    /// <param name="errorCode">The service error code, for example <c>InvalidInstanceID.NotFound</c> (ordinal).</param>
    /// <param name="state">What a match decides.</param>
    /// <returns>The acceptor.</returns>
    /// <exception cref="ArgumentException"><paramref name="errorCode"/> is null or empty.</exception>
    public static WaiterAcceptor<TResponse> Error(string errorCode, WaiterState state)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorCode);
        return new(state, errorCode, $"error {errorCode}", matchesResponse: null, errorCode);
    }

    /// <summary>Formats the acceptor as <c>state when description</c>.</summary>
    /// <returns>The formatted acceptor.</returns>
    public override string ToString() => $"{State} when {Description}";

    internal bool Matches(TResponse response) => _matchesResponse is not null && _matchesResponse(response);

    internal bool Matches(AmazonServiceException exception) =>
        ErrorCode is not null && string.Equals(exception.ErrorCode, ErrorCode, StringComparison.Ordinal);
}
