using Amazon.Runtime;

namespace AlbBuilder.Classroom.Throttling;

/// <summary>One service's calls: each takes its tokens from the shared buckets, then is sent and counted.</summary>
internal sealed class PacedService
{
    private readonly RequestBuckets _buckets;
    private readonly Func<string, object?, IReadOnlyList<(RequestBucket Bucket, double Tokens)>> _classify;

    /// <param name="service">The service's name in the counts (<c>EC2</c>, <c>ELBv2</c>).</param>
    /// <param name="buckets">The process's buckets for the service's endpoint.</param>
    /// <param name="classify">Which buckets an action and request draw from.</param>
    /// <param name="counter">The classroom's counts.</param>
    public PacedService(string service, RequestBuckets buckets, Func<string, object?, IReadOnlyList<(RequestBucket Bucket, double Tokens)>> classify, ApiCallCounter counter)
    {
        Service = service;
        _buckets = buckets;
        _classify = classify;
        Counter = counter;
    }

    /// <summary>Gets the service's name in the counts.</summary>
    public string Service { get; }

    /// <summary>Gets the classroom's counts.</summary>
    public ApiCallCounter Counter { get; }

    /// <summary>The key of <paramref name="action"/> in the counts, e.g. <c>EC2:DescribeInstances</c>.</summary>
    public string Key(string action) => Service + ":" + action;

    /// <summary>Waits for the tokens of <paramref name="action"/>, then sends it.</summary>
    public async Task<T> SendAsync<T>(string action, object? request, Func<Task<T>> send, CancellationToken cancellationToken)
    {
        await _buckets.TakeAsync(_classify(action, request), cancellationToken).ConfigureAwait(false);
        Counter.Sent(Key(action));
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (AmazonServiceException error) when (error.ErrorCode is "RequestLimitExceeded" or "Throttling")
        {
            Counter.Throttled(Key(action));
            throw;
        }
    }
}
