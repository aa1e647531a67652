using AlbBuilder.Building;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.Classroom.Throttling;

/// <summary>
/// The clients every lab of a classroom shares: each call first takes a token of its service's and action class's
/// bucket (shared by the whole process, see <see cref="RequestBuckets"/>), and the waiters' DescribeInstances and
/// DescribeLoadBalancers calls by IDs are coalesced across labs. DescribeTargetHealth stays one call per target group,
/// paced by ELBv2's describe bucket. Waiters keep their official semantics: each caller sees the response or error its
/// own call would have had.
/// </summary>
internal sealed class ClassroomClients
{
    private readonly ApiCallCounter _counter;

    private ClassroomClients(IAmazonEC2 ec2, IAmazonElasticLoadBalancingV2 elasticLoadBalancing, ApiCallCounter counter)
    {
        Ec2 = ec2;
        ElasticLoadBalancing = elasticLoadBalancing;
        _counter = counter;
    }

    /// <summary>Gets the shared EC2 client.</summary>
    public IAmazonEC2 Ec2 { get; }

    /// <summary>Gets the shared ELBv2 client.</summary>
    public IAmazonElasticLoadBalancingV2 ElasticLoadBalancing { get; }

    /// <summary>Gets a snapshot of the calls the labs made and those sent, per action.</summary>
    public ApiCallCounts Calls => _counter.Snapshot();

    /// <summary>
    /// How long shared polling collects describe calls for labs that poll every <paramref name="pollInterval"/>: a fifth
    /// of it (1 s at the default 5 s), so a poll is late by at most that, and the polls of labs waiting on their own
    /// schedules meet in one call (a window of 4 % coalesced about one poll in five; docs/performance.md).
    /// </summary>
    public static TimeSpan BatchWindowFor(TimeSpan pollInterval) => pollInterval / 5;

    /// <summary>Wraps the given clients (not owned: the caller disposes them).</summary>
    /// <param name="ec2">The EC2 client.</param>
    /// <param name="elasticLoadBalancing">The ELBv2 client.</param>
    /// <param name="rates">The request rates to keep to.</param>
    /// <param name="time">The clock the buckets and the batch window run on.</param>
    /// <param name="batchWindow">How long shared polling collects calls; null for <see cref="BatchWindowFor"/> of the labs' default 5 s poll, zero to send each call alone.</param>
    /// <returns>The shared clients.</returns>
    public static ClassroomClients Wrap(
        IAmazonEC2 ec2, IAmazonElasticLoadBalancingV2 elasticLoadBalancing, AwsRequestRates rates, TimeProvider time, TimeSpan? batchWindow = null)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        ArgumentNullException.ThrowIfNull(elasticLoadBalancing);
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(time);
        var window = batchWindow ?? BatchWindowFor(LabDefaults.PollInterval);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero, nameof(batchWindow));

        var counter = new ApiCallCounter();
        var ec2Service = new PacedService("EC2", RequestBuckets.For(ec2, rates, time), RequestClassifier.Ec2, counter);
        var elbService = new PacedService("ELBv2", RequestBuckets.For(elasticLoadBalancing, rates, time), (action, _) => RequestClassifier.ElasticLoadBalancing(action), counter);

        var instances = new DescribeCoalescer<DescribeInstancesRequest, DescribeInstancesResponse>(
            InstanceBatching.Instance,
            (request, ct) => ec2Service.SendAsync("DescribeInstances", request, () => ec2.DescribeInstancesAsync(request, ct), ct),
            window,
            time);
        var loadBalancers = new DescribeCoalescer<DescribeLoadBalancersRequest, DescribeLoadBalancersResponse>(
            LoadBalancerBatching.Instance,
            (request, ct) => elbService.SendAsync("DescribeLoadBalancers", request, () => elasticLoadBalancing.DescribeLoadBalancersAsync(request, ct), ct),
            window,
            time);

        return new ClassroomClients(
            ClientProxy.Create(ec2, ec2Service, window > TimeSpan.Zero ? new SharedDescribe<DescribeInstancesRequest, DescribeInstancesResponse>(instances) : null),
            ClientProxy.Create(elasticLoadBalancing, elbService, window > TimeSpan.Zero ? new SharedDescribe<DescribeLoadBalancersRequest, DescribeLoadBalancersResponse>(loadBalancers) : null),
            counter);
    }
}
