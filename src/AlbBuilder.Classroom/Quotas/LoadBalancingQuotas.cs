using System.Globalization;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using Amazon.Runtime;

namespace AlbBuilder.Classroom.Quotas;

/// <summary>ELBv2's limits from <c>DescribeAccountLimits</c>, against what the region holds already.</summary>
internal static class LoadBalancingQuotas
{
    /// <summary>The limit names of <c>DescribeAccountLimits</c> and AWS's documented defaults.</summary>
    internal const string ApplicationLoadBalancers = "application-load-balancers";

    internal const string TargetGroups = "target-groups";

    internal const string ListenersPerLoadBalancer = "listeners-per-application-load-balancer";

    private static readonly Dictionary<string, int> Defaults = new(StringComparer.Ordinal)
    {
        [ApplicationLoadBalancers] = 50,
        [TargetGroups] = 3000,
        [ListenersPerLoadBalancer] = 50,
    };

    public static async Task<IReadOnlyList<QuotaCheck>> CheckAsync(IAmazonElasticLoadBalancingV2 elb, ClassroomNeeds needs, CancellationToken cancellationToken)
    {
        var (limits, source) = await LimitsAsync(elb, cancellationToken).ConfigureAwait(false);
        var loadBalancers = await CountLoadBalancersAsync(elb, cancellationToken).ConfigureAwait(false);
        var targetGroups = await CountTargetGroupsAsync(elb, cancellationToken).ConfigureAwait(false);
        return
        [
            new(ApplicationLoadBalancers, limits[ApplicationLoadBalancers], loadBalancers, needs.Labs * needs.LoadBalancersPerLab, source),
            new(TargetGroups, limits[TargetGroups], targetGroups, needs.Labs * needs.TargetGroupsPerLab, source),
            new(ListenersPerLoadBalancer, limits[ListenersPerLoadBalancer], 0, needs.ListenersPerLoadBalancer, source + "; each lab's own new load balancer"),
        ];
    }

    private static async Task<(Dictionary<string, int> Limits, string Source)> LimitsAsync(IAmazonElasticLoadBalancingV2 elb, CancellationToken cancellationToken)
    {
        var limits = new Dictionary<string, int>(Defaults, StringComparer.Ordinal);
        try
        {
            string? marker = null;
            do
            {
                var page = await elb.DescribeAccountLimitsAsync(new DescribeAccountLimitsRequest { Marker = marker }, cancellationToken).ConfigureAwait(false);
                foreach (var limit in page?.Limits ?? [])
                {
                    if (limit?.Name is { } name && limits.ContainsKey(name)
                        && int.TryParse(limit.Max, NumberStyles.Integer, CultureInfo.InvariantCulture, out var max))
                    {
                        limits[name] = max;
                    }
                }

                marker = page?.NextMarker;
            }
            while (!string.IsNullOrEmpty(marker));

            return (limits, "ELBv2 DescribeAccountLimits");
        }
        catch (AmazonServiceException error) when (QuotaPreflight.IsNotServed(error))
        {
            return (limits, "AWS's documented default (the endpoint does not serve DescribeAccountLimits)");
        }
    }

    private static async Task<int> CountLoadBalancersAsync(IAmazonElasticLoadBalancingV2 elb, CancellationToken cancellationToken)
    {
        var count = 0;
        string? marker = null;
        do
        {
            var page = await elb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { Marker = marker }, cancellationToken).ConfigureAwait(false);
            count += page?.LoadBalancers?.Count(lb => lb?.Type is null || lb.Type == LoadBalancerTypeEnum.Application) ?? 0;
            marker = page?.NextMarker;
        }
        while (!string.IsNullOrEmpty(marker));

        return count;
    }

    private static async Task<int> CountTargetGroupsAsync(IAmazonElasticLoadBalancingV2 elb, CancellationToken cancellationToken)
    {
        var count = 0;
        string? marker = null;
        do
        {
            var page = await elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Marker = marker }, cancellationToken).ConfigureAwait(false);
            count += page?.TargetGroups?.Count ?? 0;
            marker = page?.NextMarker;
        }
        while (!string.IsNullOrEmpty(marker));

        return count;
    }
}
