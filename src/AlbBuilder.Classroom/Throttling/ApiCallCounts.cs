using System.Globalization;

namespace AlbBuilder.Classroom;

/// <summary>The API calls a classroom's labs made and those actually sent, per action (e.g. <c>EC2:DescribeInstances</c>).</summary>
public sealed class ApiCallCounts
{
    /// <summary>Creates the counts.</summary>
    /// <param name="byAction">The counts per action, keyed <c>service:Action</c>.</param>
    public ApiCallCounts(IReadOnlyDictionary<string, ApiCallCount> byAction)
    {
        ArgumentNullException.ThrowIfNull(byAction);
        ByAction = new SortedDictionary<string, ApiCallCount>(byAction.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
    }

    /// <summary>Gets the counts per action, keyed <c>service:Action</c> (e.g. <c>ELBv2:DescribeTargetHealth</c>).</summary>
    public IReadOnlyDictionary<string, ApiCallCount> ByAction { get; }

    /// <summary>Gets how many calls the labs made.</summary>
    public long Requested => ByAction.Values.Sum(c => c.Requested);

    /// <summary>Gets how many calls were sent to the services (what AWS counts against its rates).</summary>
    public long Sent => ByAction.Values.Sum(c => c.Sent);

    /// <summary>Gets how many of the labs' calls were served by a call shared with other labs.</summary>
    public long Coalesced => ByAction.Values.Sum(c => c.Coalesced);

    /// <summary>Gets how many sends still failed with a throttling error after the SDK's retries (each then sent again; none reached a lab unless it failed 8 times).</summary>
    public long Throttled => ByAction.Values.Sum(c => c.Throttled);

    /// <summary>Gets the calls sent per lab.</summary>
    /// <param name="labs">How many labs shared the clients.</param>
    /// <returns><see cref="Sent"/> ÷ <paramref name="labs"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="labs"/> is zero or negative.</exception>
    public double SentPerLab(int labs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(labs);
        return (double)Sent / labs;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Sent} sent for {Requested} requested ({Coalesced} coalesced, {Throttled} throttled): ")
        + string.Join(", ", ByAction.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value.Sent}/{p.Value.Requested}")));
}
