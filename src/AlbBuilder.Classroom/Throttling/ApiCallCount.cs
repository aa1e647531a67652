namespace AlbBuilder.Classroom;

/// <summary>The calls of one action: made by the labs, sent to the service, and failed with throttling.</summary>
/// <param name="Requested">Calls the labs made.</param>
/// <param name="Sent">Calls sent to the service (one shared call may serve many requested ones; a fallback may add some).</param>
/// <param name="Throttled">Sends that still failed with a throttling error after the SDK's retries; each was sent again after the buckets refilled (up to 8 sends in all).</param>
public readonly record struct ApiCallCount(long Requested, long Sent, long Throttled)
{
    /// <summary>Gets how many requested calls needed no call of their own.</summary>
    public long Coalesced => Math.Max(0, Requested - Sent);
}
