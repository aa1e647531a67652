using System.Collections.Concurrent;
using AlbBuilder.LocalCloud.Faults;
using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.Elbv2;
using AlbBuilder.LocalCloud.Protocol;

namespace AlbBuilder.LocalCloud;

/// <summary>
/// Counts the API calls LocalCloud received, per operation (<c>cloud.Calls["RunInstances"]</c>). Each call is
/// counted under its plain name and its service-qualified name (<c>ec2:DescribeTags</c>); failed and retried
/// calls count too. An action LocalCloud does not serve is counted under <c>InvalidAction</c> (the error it answers),
/// never under its own name: the counters stay bounded whatever names clients send.
/// </summary>
public sealed class LocalCloudCalls
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    internal LocalCloudCalls()
    {
    }

    /// <summary>Gets how many calls of an operation were received.</summary>
    /// <param name="operation">The operation, plain (<c>RunInstances</c>) or qualified (<c>ec2:RunInstances</c>).</param>
    /// <returns>The count; 0 for an operation never called.</returns>
    public int this[string operation] => _counts.TryGetValue(operation, out var count) ? count : 0;

    /// <summary>Gets the total number of calls received by both services.</summary>
    public int Total => _counts.Where(p => !p.Key.Contains(':', StringComparison.Ordinal)).Sum(p => p.Value);

    /// <summary>Returns a copy of every counter (plain and qualified names).</summary>
    /// <returns>The counters by operation name.</returns>
    public IReadOnlyDictionary<string, int> ToDictionary() => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    /// <summary>Sets every counter back to zero, the throttled ones too.</summary>
    public void Reset()
    {
        _counts.Clear();
        _throttled.Clear();
    }

    /// <summary>The one counter every action LocalCloud does not serve is counted under.</summary>
    internal const string UnknownOperation = "InvalidAction";

    internal void Record(AwsService service, string operation)
    {
        var served = service == AwsService.Ec2 ? Ec2Api.Operations : Elbv2Api.Operations;
        operation = served.Contains(operation) ? operation : UnknownOperation;
        _counts.AddOrUpdate(operation, 1, (_, c) => c + 1);
        _counts.AddOrUpdate(FaultKeys.Qualified(service, operation), 1, (_, c) => c + 1);
    }

    // Throttling (issue 15): throttled answers apart from the other errors, so a benchmark can tell them from errors users see.
    private readonly ConcurrentDictionary<string, int> _throttled = new(StringComparer.Ordinal);

    /// <summary>
    /// Gets how many calls of both services were answered with a throttling error (EC2 <c>RequestLimitExceeded</c>, ELBv2
    /// <c>Throttling</c>), by the token buckets or by <see cref="LocalCloudFaults.Throttle"/>. These calls count in
    /// <see cref="Total"/> and their operation's counter as well.
    /// </summary>
    public int Throttled => _throttled.Where(p => !p.Key.Contains(':', StringComparison.Ordinal)).Sum(p => p.Value);

    /// <summary>Gets how many calls of an operation were answered with a throttling error.</summary>
    /// <param name="operation">The operation, plain (<c>RunInstances</c>) or qualified (<c>ec2:RunInstances</c>).</param>
    /// <returns>The count; 0 for an operation never throttled.</returns>
    public int ThrottledOf(string operation) => _throttled.TryGetValue(operation, out var count) ? count : 0;

    internal void RecordThrottled(AwsService service, string operation)
    {
        _throttled.AddOrUpdate(operation, 1, (_, c) => c + 1);
        _throttled.AddOrUpdate(FaultKeys.Qualified(service, operation), 1, (_, c) => c + 1);
    }
}
