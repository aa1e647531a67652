namespace AlbBuilder.Classroom;

/// <summary>The calls of one action: made by the labs, sent to the service, and failed with throttling.</summary>
/// <param name="Requested">Calls the labs made.</param>
/// <param name="Sent">Calls sent to the service (one shared call may serve many requested ones; a fallback may add some).</param>
/// <param name="Throttled">Sent calls that failed with <c>RequestLimitExceeded</c> or <c>Throttling</c> after the SDK's retries.</param>
public readonly record struct ApiCallCount(long Requested, long Sent, long Throttled)
{
    /// <summary>Gets how many requested calls needed no call of their own.</summary>
    public long Coalesced => Math.Max(0, Requested - Sent);
}
