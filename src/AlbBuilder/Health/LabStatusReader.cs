using AlbBuilder.Ec2;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using Amazon.EC2;
using Instance = Amazon.EC2.Model.Instance;

namespace AlbBuilder.Health;

/// <summary>
/// Builds a <see cref="LabStatus"/> from three calls whatever the instance count: DescribeLoadBalancers,
/// DescribeInstances (filtered by id, so an unknown id doesn't fail the call) and DescribeTargetHealth.
/// </summary>
internal static class LabStatusReader
{
    public static async Task<LabStatus> ReadAsync(IAmazonEC2 ec2, IAmazonElasticLoadBalancingV2 elb, LabResources resources, TimeProvider time, CancellationToken cancellationToken)
    {
        var loadBalancerTask = DescribeLoadBalancerAsync(elb, resources.LoadBalancerArn, cancellationToken);
        var instancesTask = resources.InstanceIds.Count == 0
            ? Task.FromResult<IReadOnlyList<Instance>>([])
            : Ec2Queries.DescribeInstancesAsync(ec2, [Ec2ModelExtensions.Filter("instance-id", [.. resources.InstanceIds])], cancellationToken);
        var healthTask = DescribeTargetHealthAsync(elb, resources.TargetGroupArn, cancellationToken);
        await Task.WhenAll(loadBalancerTask, instancesTask, healthTask).ConfigureAwait(false);

        var loadBalancer = await loadBalancerTask.ConfigureAwait(false);
        var instances = (await instancesTask.ConfigureAwait(false)).Where(i => i.InstanceId is not null).ToDictionary(i => i.InstanceId!, StringComparer.Ordinal);
        var health = (await healthTask.ConfigureAwait(false))
            .Where(h => h.Target?.Id is not null)
            .GroupBy(h => h.Target!.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var statuses = resources.InstanceIds.Select(id =>
        {
            instances.TryGetValue(id, out var instance);
            health.TryGetValue(id, out var target);
            return new InstanceStatus(
                id,
                instance?.Tags.TagValue("Name"),
                Typed(instance?.StateName(), InstanceStateName.FindValue),
                NullIfEmpty(instance?.PrivateDnsName),
                NullIfEmpty(instance?.PublicIpAddress),
                instance?.AvailabilityZone(),
                Typed(target?.TargetHealth?.State?.Value, TargetHealthStateEnum.FindValue),
                target?.TargetHealth?.Reason?.Value,
                target?.TargetHealth?.Description);
        }).ToList();

        return new LabStatus(
            time.GetUtcNow(),
            Typed(loadBalancer?.State?.Code?.Value, LoadBalancerStateEnum.FindValue),
            loadBalancer?.DNSName ?? resources.LoadBalancerDnsName,
            statuses);
    }

    /// <summary>A missing or empty state stays null rather than becoming an empty state; a known one is the SDK's own constant.</summary>
    private static T? Typed<T>(string? value, Func<string, T> find)
        where T : class => string.IsNullOrEmpty(value) ? null : find(value);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static async Task<LoadBalancer?> DescribeLoadBalancerAsync(IAmazonElasticLoadBalancingV2 elb, string? arn, CancellationToken cancellationToken)
    {
        if (arn is null)
        {
            return null;
        }

        try
        {
            var response = await elb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { LoadBalancerArns = [arn] }, cancellationToken).ConfigureAwait(false);
            return response?.LoadBalancers?.FirstOrDefault();
        }
        catch (LoadBalancerNotFoundException)
        {
            return null;
        }
    }

    private static async Task<IReadOnlyList<TargetHealthDescription>> DescribeTargetHealthAsync(IAmazonElasticLoadBalancingV2 elb, string? arn, CancellationToken cancellationToken)
    {
        if (arn is null)
        {
            return [];
        }

        try
        {
            var response = await elb.DescribeTargetHealthAsync(new DescribeTargetHealthRequest { TargetGroupArn = arn }, cancellationToken).ConfigureAwait(false);
            return response?.TargetHealthDescriptions ?? [];
        }
        catch (TargetGroupNotFoundException)
        {
            return [];
        }
    }
}
