using System.Globalization;
using AlbBuilder.Classroom.Throttling;

namespace AlbBuilder.Classroom;

/// <summary>
/// The client-side request rates a classroom keeps to: one token bucket per service and action class, shared by every
/// lab in the process.
/// </summary>
/// <remarks>
/// <para>
/// EC2 follows AWS's published request-token buckets ("Request throttling for the Amazon EC2 API",
/// https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html): non-mutating actions 100 tokens refilled
/// at 20 per second; unfiltered and unpaginated non-mutating actions 50 at 10; mutating actions 50 at 5; uncategorized
/// actions 50 at 5; RunInstances and StartInstances each have their own, smaller request bucket (5 at 2); and the
/// resource-token buckets of RunInstances and StartInstances (1,000 instances refilled at 2 per second) and of
/// StopInstances and TerminateInstances (1,000 at 20), which count instances rather than requests.
/// </para>
/// <para>
/// ELBv2 follows its published buckets ("Request throttling for the ELB API",
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-api-throttling.html): an account-level bucket
/// of 40 refilled at 10 per second that every action draws from, plus one per category — non-mutating (Describe*)
/// 40 at 10, resource-intensive (CreateLoadBalancer, SetSubnets) 10 at 0.2, registration (RegisterTargets,
/// DeregisterTargets) 20 at 4, other mutating actions 20 at 3. The same figures as LocalCloud's server side.
/// </para>
/// <para>
/// The client refills at <see cref="SteadyStateShare"/> (90 %) of those rates: AWS's buckets are per account and
/// region, so the console, the CLI and other tools spend from the same bucket, and the server's one-second refill
/// granularity and clock differ from ours. Aiming 10 % below keeps a class out of throttling in steady state; the
/// burst (bucket size) stays AWS's, and the SDK's Adaptive retry absorbs the rare throttle a burst may still meet.
/// </para>
/// </remarks>
public sealed class AwsRequestRates
{
    private static readonly Dictionary<RequestBucket, RequestRate> AwsRates = new()
    {
        [RequestBucket.Ec2NonMutating] = new(100, 20),
        [RequestBucket.Ec2UnfilteredNonMutating] = new(50, 10),
        [RequestBucket.Ec2Mutating] = new(50, 5),
        [RequestBucket.Ec2Uncategorized] = new(50, 5),
        [RequestBucket.Ec2RunInstances] = new(5, 2),
        [RequestBucket.Ec2StartInstances] = new(5, 2),
        [RequestBucket.Ec2RunInstancesResources] = new(1000, 2),
        [RequestBucket.Ec2StartInstancesResources] = new(1000, 2),
        [RequestBucket.Ec2StopInstancesResources] = new(1000, 20),
        [RequestBucket.Ec2TerminateInstancesResources] = new(1000, 20),
        [RequestBucket.ElasticLoadBalancingAccount] = new(40, 10),
        [RequestBucket.ElasticLoadBalancingDescribe] = new(40, 10),
        [RequestBucket.ElasticLoadBalancingResourceIntensive] = new(10, 0.2),
        [RequestBucket.ElasticLoadBalancingRegistration] = new(20, 4),
        [RequestBucket.ElasticLoadBalancingMutating] = new(20, 3),
    };

    private AwsRequestRates(double speed)
    {
        Speed = speed;
    }

    /// <summary>Gets the rates AWS publishes for EC2 and ELBv2, at AWS's own pace.</summary>
    public static AwsRequestRates Default { get; } = new(1.0);

    /// <summary>Gets how many times faster than AWS the buckets refill (1 on AWS; 1 ÷ the time scale on LocalCloud).</summary>
    public double Speed { get; }

    /// <summary>Gets the share of AWS's refill rate the client aims at, so that shared clients stay below AWS's limit.</summary>
    /// <value>0.9.</value>
    public double SteadyStateShare => 0.9;

    /// <summary>Gets the key under which clients with the same rates share their buckets.</summary>
    internal string Fingerprint => Speed.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Returns these rates refilled <paramref name="speed"/> times faster, for an emulator whose time runs faster.</summary>
    /// <param name="speed">A positive factor.</param>
    /// <returns>The scaled rates.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="speed"/> is zero or negative.</exception>
    public AwsRequestRates Scaled(double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        return new AwsRequestRates(Speed * speed);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join("; ", AwsRates.Keys.Select(bucket => $"{bucket}: {RateOf(bucket)}"));

    /// <summary>The client's rate for one bucket: AWS's size, and AWS's refill × <see cref="SteadyStateShare"/> × <see cref="Speed"/>.</summary>
    internal RequestRate RateOf(RequestBucket bucket)
    {
        var aws = AwsRates[bucket];
        return aws with { RefillPerSecond = aws.RefillPerSecond * SteadyStateShare * Speed };
    }
}
