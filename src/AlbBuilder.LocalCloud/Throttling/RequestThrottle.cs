using System.Globalization;
using AlbBuilder.LocalCloud.Protocol;

namespace AlbBuilder.LocalCloud.Throttling;

/// <summary>
/// Admits or throttles one API request against the account's token buckets (one LocalCloud is one account and Region),
/// before the action runs and after the signature is verified, so a throttled request changes nothing. A request takes
/// a token from every bucket it needs, or from none.
/// </summary>
internal sealed class RequestThrottle
{
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly LocalCloudThrottling _setting;
    private readonly double _speed;

    private RequestThrottle(LocalCloudThrottling setting, double speed, TimeProvider time)
    {
        _setting = setting;
        _speed = speed;
        _time = time;
    }

    /// <summary>Creates the throttle a setting asks for; null when nothing is throttled (Off, or AWS's buckets on a time scale of 0).</summary>
    public static RequestThrottle? Create(LocalCloudThrottling setting, LatencyProfile profile, TimeProvider time)
    {
        if (setting == LocalCloudThrottling.Off || (setting.FixedCapacity is null && profile.TimeScale <= 0))
        {
            return null;
        }

        // AWS's refill per second of simulated time is AWS's refill ÷ time scale per second of this cloud's clock.
        return new RequestThrottle(setting, setting.FixedCapacity is null ? 1 / profile.TimeScale : 1, time);
    }

    /// <summary>Takes the request's tokens, or answers the service's throttling error and takes none.</summary>
    /// <param name="service">The service.</param>
    /// <param name="action">An action the service serves.</param>
    /// <param name="parameters">The request (filters and paging choose EC2's bucket; instance counts its resource bucket).</param>
    /// <returns>Null when admitted; otherwise the error to answer.</returns>
    public AwsServiceError? Admit(AwsService service, string action, QueryParameters parameters)
    {
        var demands = Demands(service, action, parameters);
        lock (_gate)
        {
            var buckets = demands.Select(d => (Bucket: BucketOf(d.Key, d.Size), d.Count, d.Resource)).ToList();
            if (buckets.FirstOrDefault(b => !b.Bucket.Has(Math.Min(b.Count, b.Bucket.Capacity))) is { Bucket: not null } empty)
            {
                return Error(service, action, empty.Resource);
            }

            foreach (var (bucket, count, _) in buckets)
            {
                bucket.Take(Math.Min(count, bucket.Capacity));
            }
        }

        return null;
    }

    /// <summary>The tokens left in a bucket (for tests), by its key, e.g. <c>ec2:RunInstances</c>; null when never used.</summary>
    internal double? TokensOf(string key)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue(key, out var bucket) ? bucket.Tokens : null;
        }
    }

    private List<(string Key, BucketSize Size, double Count, bool Resource)> Demands(AwsService service, string action, QueryParameters p)
    {
        var demands = new List<(string, BucketSize, double, bool)>();
        if (service == AwsService.Ec2)
        {
            var filteredOrPaged = p.HasPrefix("Filter") || p.Has("MaxResults") || p.Has("NextToken");
            var (key, size) = PublishedRequestRates.Ec2Request(action, filteredOrPaged);
            demands.Add((key, size, 1, false));
            if (_setting.FixedCapacity is null && PublishedRequestRates.Ec2Resource(action) is { } resource)
            {
                demands.Add(("ec2:" + action + ":resource", resource, InstancesOf(action, p), true));
            }
        }
        else
        {
            demands.Add(("elasticloadbalancing:account", PublishedRequestRates.Elbv2Account, 1, false));
            var (key, size) = PublishedRequestRates.Elbv2Category(action);
            demands.Add((key, size, 1, false));
        }

        return demands;
    }

    /// <summary>The instances a request affects: RunInstances' MaxCount, the others' InstanceId list (at least 1; bad values are the action's to reject).</summary>
    private static double InstancesOf(string action, QueryParameters p)
    {
        if (action == "RunInstances")
        {
            return int.TryParse(p.Get("MaxCount"), NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0 ? max : 1;
        }

        return Math.Max(1, p.GetList("InstanceId").Count);
    }

    private TokenBucket BucketOf(string key, BucketSize aws)
    {
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = _setting.FixedCapacity is { } capacity
                ? new TokenBucket(capacity, _setting.FixedRefillPerSecond ?? 0, _time)
                : new TokenBucket(aws.Capacity, aws.RefillPerSecond * _speed, _time);
            _buckets[key] = bucket;
        }

        return bucket;
    }

    /// <summary>
    /// EC2: <c>RequestLimitExceeded</c>, HTTP 503, in the wording EC2 uses now ("Account … has been throttled on ec2:X because it
    /// exceeded its request rate limit"); ELBv2: <c>Throttling</c>, HTTP 400, "Rate exceeded" (sources in docs/aws-behaviours.md).
    /// </summary>
    private static AwsServiceError Error(AwsService service, string action, bool resource) => service == AwsService.Ec2
        ? new AwsServiceError(
            "RequestLimitExceeded",
            $"Request limit exceeded. Account {State.CloudState.AccountId} has been throttled on ec2:{action} because it exceeded its {(resource ? "resource" : "request")} rate limit.",
            503)
        : new AwsServiceError("Throttling", "Rate exceeded", 400);
}
