using Amazon.Runtime;

namespace AlbBuilder.Classroom.Throttling;

/// <summary>
/// One service's calls: each takes its tokens from the shared buckets, then is sent and counted. A call the SDK's own
/// retries gave up on because of throttling (the service's <c>RequestLimitExceeded</c> / <c>Throttling</c>, or the
/// Adaptive retry mode's client-side capacity running out) is sent again after the buckets refill and a jittered
/// backoff, up to <see cref="MaxThrottledAttempts"/> times: a throttled request changed nothing on the service, so
/// sending it again is safe, and a class meeting a throttling storm slows down instead of failing labs.
/// </summary>
internal sealed class PacedService
{
    /// <summary>How many times one call is sent at most while it keeps being throttled.</summary>
    public const int MaxThrottledAttempts = 8;

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
        var costs = _classify(action, request);
        for (var attempt = 1; ; attempt++)
        {
            await _buckets.TakeAsync(costs, cancellationToken).ConfigureAwait(false);
            Counter.Sent(Key(action));
            try
            {
                return await send().ConfigureAwait(false);
            }
            catch (Exception error) when (IsThrottling(error) && !cancellationToken.IsCancellationRequested)
            {
                Counter.Throttled(Key(action));
                if (attempt >= MaxThrottledAttempts)
                {
                    throw;
                }

                _buckets.Drain(costs);
                await Task.Delay(_buckets.Backoff(attempt), _buckets.Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The service's throttling errors, and the SDK's Adaptive retry mode giving up because its own rate limiter found
    /// no capacity (an <see cref="AmazonClientException"/> before anything was sent).
    /// </summary>
    internal static bool IsThrottling(Exception error) => error switch
    {
        AmazonServiceException service => service.ErrorCode is "RequestLimitExceeded" or "Throttling" or "ThrottlingException",
        AmazonClientException client => client.Message.Contains("capacity could not be obtained", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
