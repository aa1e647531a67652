namespace AlbBuilder.Provisioning;

/// <summary>How often and how long <see cref="LabRetry"/> retries: exponential backoff with jitter.</summary>
/// <param name="BaseDelay">The first delay.</param>
/// <param name="MaxDelay">The largest delay.</param>
/// <param name="MaxAttempts">The most attempts, or null to retry until the cancellation token (a deadline) fires.</param>
internal sealed record RetryPolicy(TimeSpan BaseDelay, TimeSpan MaxDelay, int? MaxAttempts)
{
    /// <summary>For NotFound right after a create (eventual consistency): 6 attempts over about half a minute.</summary>
    public static RetryPolicy EventualConsistency { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), 6);

    /// <summary>For DependencyViolation / ResourceInUse in teardown: until the teardown deadline.</summary>
    public static RetryPolicy UntilDeadline { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20), null);
}
