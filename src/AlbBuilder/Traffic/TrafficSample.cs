namespace AlbBuilder;

/// <summary>The outcome of one request of a traffic verification.</summary>
/// <param name="StartedAt">When the request was sent (from the verification's <see cref="TimeProvider"/>).</param>
/// <param name="Latency">How long it took until the body was read, or until it failed.</param>
/// <param name="StatusCode">The HTTP status code, null when no response arrived.</param>
/// <param name="Backend">The backend that served it (from the body), null when it failed or the body named none.</param>
/// <param name="Failure">Why it failed (<c>502</c>, <c>Timeout</c>, <c>HttpRequestException: Connection refused</c>…), null when it succeeded.</param>
public sealed record TrafficSample(DateTimeOffset StartedAt, TimeSpan Latency, int? StatusCode, string? Backend, string? Failure)
{
    /// <summary>When the request was sent (from the verification's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset StartedAt { get; } = StartedAt;

    /// <summary>How long it took until the body was read, or until it failed.</summary>
    public TimeSpan Latency { get; } = Latency;

    /// <summary>The HTTP status code, null when no response arrived.</summary>
    public int? StatusCode { get; } = StatusCode;

    /// <summary>The backend that served it (from the body), null when it failed or the body named none.</summary>
    public string? Backend { get; } = Backend;

    /// <summary>Why it failed (<c>502</c>, <c>Timeout</c>, <c>HttpRequestException: Connection refused</c>…), null when it succeeded.</summary>
    public string? Failure { get; } = Failure;

    /// <summary>Whether a 2xx response arrived (whether or not its body named a backend).</summary>
    public bool Succeeded => Failure is null;
}
