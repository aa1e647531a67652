namespace AlbBuilder.Provisioning;

/// <summary>How often and how long <see cref="LabRetry"/> retries: exponential backoff with jitter.</summary>
/// <param name="BaseDelay">The first delay.</param>
/// <param name="MaxDelay">The largest delay.</param>
/// <param name="MaxAttempts">The most attempts, or null to retry until the cancellation token (a deadline) fires.</param>
internal sealed record RetryPolicy(TimeSpan BaseDelay, TimeSpan MaxDelay, int? MaxAttempts)
{
    /// <summary>
    /// For NotFound right after a create (eventual consistency): 6 attempts, 1 s doubling to 8 s (about half a minute);
    /// shorter when the lab polls faster than that (LocalCloud).
    /// </summary>
    public static RetryPolicy EventualConsistency(TimeSpan pollInterval) =>
        Scaled(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), pollInterval, 6);

    /// <summary>For DependencyViolation / ResourceInUse in teardown: 2 s doubling to 20 s until the teardown deadline (shorter with a faster poll interval).</summary>
    public static RetryPolicy UntilDeadline(TimeSpan pollInterval) =>
        Scaled(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20), pollInterval, null);

    private static RetryPolicy Scaled(TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan pollInterval, int? maxAttempts)
    {
        var first = pollInterval < baseDelay ? pollInterval : baseDelay;
        var cap = pollInterval * 4 < maxDelay ? pollInterval * 4 : maxDelay;
        return new RetryPolicy(first, cap < first ? first : cap, maxAttempts);
    }
}
