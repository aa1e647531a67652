namespace AlbBuilder.Sample.Cloud;

/// <summary>The API calls a cloud received, and those it answered with a throttling error, by action.</summary>
/// <param name="Total">Every call received, throttled ones included.</param>
/// <param name="Throttled">The calls answered with a throttling error (the SDK retries them).</param>
/// <param name="ThrottledByAction">The throttled calls by action, e.g. <c>RunInstances</c>.</param>
internal sealed record ApiCallTally(int Total, int Throttled, IReadOnlyDictionary<string, int> ThrottledByAction);
