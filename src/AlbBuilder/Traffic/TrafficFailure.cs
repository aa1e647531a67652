namespace AlbBuilder;

/// <summary>Failed requests grouped by reason.</summary>
/// <param name="Reason">The status code (<c>502</c>), <c>Timeout</c>, or <c>ExceptionType: message</c> of the innermost cause.</param>
/// <param name="Count">How many requests failed for this reason.</param>
public sealed record TrafficFailure(string Reason, int Count)
{
    /// <summary>The status code (<c>502</c>), <c>Timeout</c>, or <c>ExceptionType: message</c> of the innermost cause.</summary>
    public string Reason { get; } = Reason;

    /// <summary>How many requests failed for this reason.</summary>
    public int Count { get; } = Count;

    /// <inheritdoc />
    public override string ToString() => $"{Reason} ×{Count}";
}
