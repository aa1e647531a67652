using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace AlbBuilder.Reliability.Tests.Infrastructure;

/// <summary>
/// The SDK's Standard retry mode (same attempts, same retryable errors) with the backoff capped at a few
/// milliseconds: on LocalCloud a throttled call is retried at once instead of after up to 20 s of jitter.
/// </summary>
internal static class FastRetry
{
    public const int MaxBackoffMilliseconds = 5;

    public static void Apply(RuntimePipeline pipeline, IClientConfig config) =>
        pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(new StandardRetryPolicy(config) { MaxBackoffInMilliseconds = MaxBackoffMilliseconds }));
}
