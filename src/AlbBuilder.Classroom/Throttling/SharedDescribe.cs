namespace AlbBuilder.Classroom.Throttling;

/// <summary>Routes the describe calls that can share a call to their coalescer.</summary>
internal interface ISharedDescribe
{
    /// <summary>The shared answer to <paramref name="request"/>, or null when it must be sent on its own.</summary>
    Task<T>? TryDescribe<T>(object? request, CancellationToken cancellationToken);
}

/// <summary>The coalescer of one describe action, behind <see cref="ISharedDescribe"/>.</summary>
internal sealed class SharedDescribe<TRequest, TResponse> : ISharedDescribe
    where TRequest : class
{
    private readonly DescribeCoalescer<TRequest, TResponse> _coalescer;

    public SharedDescribe(DescribeCoalescer<TRequest, TResponse> coalescer) => _coalescer = coalescer;

    public Task<T>? TryDescribe<T>(object? request, CancellationToken cancellationToken) =>
        typeof(T) == typeof(TResponse) && request is TRequest typed && _coalescer.CanShare(typed)
            ? (Task<T>)(object)_coalescer.DescribeAsync(typed, cancellationToken)
            : null;
}
