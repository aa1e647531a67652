using AlbBuilder.LocalCloud.Faults;
using AlbBuilder.LocalCloud.Protocol;

namespace AlbBuilder.LocalCloud;

/// <summary>
/// Queues faults for the next calls of an operation. Operations are named as in the API (<c>RunInstances</c>);
/// qualify <c>DescribeTags</c>, which both services have, as <c>ec2:DescribeTags</c> or
/// <c>elasticloadbalancing:DescribeTags</c> to target one of them.
/// </summary>
public sealed class LocalCloudFaults
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<InjectedFault>> _faults = new(StringComparer.Ordinal);
    private readonly List<CountedFault> _counted = [];

    internal LocalCloudFaults()
    {
    }

    /// <summary>Makes the next <paramref name="count"/> calls of an operation fail with the given error.</summary>
    /// <param name="operation">The operation, e.g. <c>CreateLoadBalancer</c>.</param>
    /// <param name="count">How many calls fail.</param>
    /// <param name="errorCode">The AWS error code to answer with, e.g. <c>Throttling</c>.</param>
    /// <param name="httpStatus">The HTTP status to answer with.</param>
    /// <param name="message">The error message; a generic one when null.</param>
    /// <exception cref="ArgumentException">The operation or error code is empty, or the count is not positive.</exception>
    public void FailNext(string operation, int count, string errorCode, int httpStatus = 400, string? message = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        Enqueue(operation, count, new InjectedFault(errorCode, httpStatus, message ?? $"Injected fault: {errorCode}", TimeSpan.Zero));
    }

    /// <summary>
    /// Makes call number <paramref name="callNumber"/> of an operation fail, counting from now (1 is the next call);
    /// the calls before it are served, or answer the faults queued for them, as usual.
    /// </summary>
    /// <param name="operation">The operation, e.g. <c>RunInstances</c>.</param>
    /// <param name="callNumber">Which call fails, 1-based.</param>
    /// <param name="errorCode">The AWS error code to answer with.</param>
    /// <param name="httpStatus">The HTTP status to answer with.</param>
    /// <param name="message">The error message; a generic one when null.</param>
    /// <exception cref="ArgumentException">The operation or error code is empty, or the call number is not positive.</exception>
    public void FailCall(string operation, int callNumber, string errorCode, int httpStatus = 400, string? message = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        if (callNumber <= 0)
        {
            throw new ArgumentException("The call number must be positive.", nameof(callNumber));
        }

        lock (_gate)
        {
            _counted.Add(new CountedFault(operation, callNumber, new InjectedFault(errorCode, httpStatus, message ?? $"Injected fault: {errorCode}", TimeSpan.Zero)));
        }
    }

    /// <summary>Delays the next <paramref name="count"/> calls of an operation (on the cloud's clock), then answers normally.</summary>
    /// <param name="operation">The operation, e.g. <c>DescribeInstances</c>.</param>
    /// <param name="delay">How long each call waits before it is served.</param>
    /// <param name="count">How many calls are delayed.</param>
    /// <exception cref="ArgumentException">The operation is empty, the count is not positive or the delay negative.</exception>
    public void Delay(string operation, TimeSpan delay, int count = 1)
    {
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentException("The delay must not be negative.", nameof(delay));
        }

        Enqueue(operation, count, new InjectedFault(null, 200, null, delay));
    }

    /// <summary>Throttles the next calls: EC2 answers <c>RequestLimitExceeded</c> (503), ELBv2 <c>Throttling</c> (400).</summary>
    /// <param name="operation">The operation to throttle.</param>
    /// <param name="count">How many calls are throttled.</param>
    public void Throttle(string operation, int count = 1) =>
        Enqueue(operation, count, new InjectedFault(FaultCodes.Throttle, 0, "Rate exceeded", TimeSpan.Zero));

    /// <summary>Makes the next calls fail with an internal error (HTTP 500).</summary>
    /// <param name="operation">The operation to fail.</param>
    /// <param name="count">How many calls fail.</param>
    public void InternalError(string operation, int count = 1) =>
        Enqueue(operation, count, new InjectedFault(FaultCodes.Internal, 500, "An internal error has occurred", TimeSpan.Zero));

    /// <summary>
    /// Makes the next calls answer the operation's NotFound error (e.g. <c>InvalidInstanceID.NotFound</c>), as
    /// AWS's eventual consistency does right after a resource is created.
    /// </summary>
    /// <param name="operation">The operation to fail.</param>
    /// <param name="count">How many calls fail.</param>
    public void NotFound(string operation, int count = 1) =>
        Enqueue(operation, count, new InjectedFault(FaultCodes.NotFound, 400, null, TimeSpan.Zero));

    /// <summary>Removes every queued fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
            _counted.Clear();
        }
    }

    internal InjectedFault? TryTake(AwsService service, string operation)
    {
        lock (_gate)
        {
            string[] keys = [FaultKeys.Qualified(service, operation), operation];
            var queued = Dequeue(keys);

            // After a delay the server asks again for the same call: count the call once, when it is answered.
            if (queued is { Delay.Ticks: > 0 })
            {
                return queued;
            }

            var counted = CountCall(keys);
            return queued ?? counted;
        }
    }

    private InjectedFault? Dequeue(string[] keys)
    {
        foreach (var key in keys)
        {
            if (_faults.TryGetValue(key, out var queue) && queue.TryDequeue(out var fault))
            {
                if (queue.Count == 0)
                {
                    _faults.Remove(key);
                }

                return fault;
            }
        }

        return null;
    }

    private InjectedFault? CountCall(string[] keys)
    {
        InjectedFault? due = null;
        foreach (var counted in _counted.Where(c => keys.Contains(c.Operation, StringComparer.Ordinal)).ToList())
        {
            counted.CallsLeft--;
            if (counted.CallsLeft == 0)
            {
                _counted.Remove(counted);
                due ??= counted.Fault;
            }
        }

        return due;
    }

    private void Enqueue(string operation, int count, InjectedFault fault)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        if (count <= 0)
        {
            throw new ArgumentException("The count must be positive.", nameof(count));
        }

        lock (_gate)
        {
            if (!_faults.TryGetValue(operation, out var queue))
            {
                queue = new Queue<InjectedFault>();
                _faults[operation] = queue;
            }

            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(fault);
            }
        }
    }
}
