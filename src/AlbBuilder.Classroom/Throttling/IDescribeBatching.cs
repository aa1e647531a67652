namespace AlbBuilder.Classroom.Throttling;

/// <summary>How one describe call by IDs is merged with others and split back (DescribeInstances, DescribeLoadBalancers).</summary>
internal interface IDescribeBatching<TRequest, TResponse>
{
    /// <summary>Gets the action's name, for the counts.</summary>
    string Action { get; }

    /// <summary>Gets how many IDs the API takes in one call.</summary>
    int MaxIdsPerCall { get; }

    /// <summary>The IDs a request names, or null when it filters or pages and so cannot be shared.</summary>
    IReadOnlyList<string>? IdsOf(TRequest request);

    /// <summary>A request for <paramref name="ids"/> only.</summary>
    TRequest RequestFor(IReadOnlyList<string> ids);

    /// <summary>The IDs a response holds.</summary>
    IEnumerable<string> IdsIn(TResponse response);

    /// <summary>One caller's response: only its own <paramref name="ids"/>, taken from the shared responses.</summary>
    TResponse Only(IReadOnlyList<TResponse> responses, IReadOnlySet<string> ids);

    /// <summary>Whether the shared call failed because of one of the IDs, so that each caller must see its own answer.</summary>
    bool IsAboutIds(Exception error);
}
