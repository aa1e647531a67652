namespace AlbBuilder;

/// <summary>How many successful responses one backend served.</summary>
/// <param name="Backend">The backend's name as its page prints it.</param>
/// <param name="Count">The number of responses.</param>
public sealed record BackendCount(string Backend, int Count)
{
    /// <summary>The backend's name as its page prints it.</summary>
    public string Backend { get; } = Backend;

    /// <summary>The number of responses.</summary>
    public int Count { get; } = Count;

    /// <inheritdoc />
    public override string ToString() => $"{Backend} {Count}";
}
