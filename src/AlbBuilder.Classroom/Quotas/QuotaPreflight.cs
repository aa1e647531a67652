using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Amazon.Runtime;

namespace AlbBuilder.Classroom.Quotas;

/// <summary>
/// Checks what a classroom needs against the account's limits before anything is created: load balancers, target
/// groups and listeners (ELBv2 <c>DescribeAccountLimits</c>), security groups per VPC and rules per group, security
/// groups per network interface (EC2 <c>DescribeAccountAttributes</c>) and On-Demand vCPUs. Makes describe calls only.
/// </summary>
internal static class QuotaPreflight
{
    /// <summary>Reads the account's limits and usage and compares them with <paramref name="needs"/>; makes no create call.</summary>
    public static Task<QuotaReport> CheckAsync(IAmazonEC2 ec2, IAmazonElasticLoadBalancingV2 elasticLoadBalancing, ClassroomNeeds needs, CancellationToken cancellationToken) =>
        CheckAsync(ec2, elasticLoadBalancing, needs, QuotaLimits.Default, cancellationToken);

    /// <summary>As <see cref="CheckAsync(IAmazonEC2, IAmazonElasticLoadBalancingV2, ClassroomNeeds, CancellationToken)"/>, with the limits AWS cannot be asked for.</summary>
    /// <param name="ec2">The EC2 client.</param>
    /// <param name="elasticLoadBalancing">The ELBv2 client.</param>
    /// <param name="needs">What the classroom will create.</param>
    /// <param name="limits">The limits without a describe call (vCPUs, security groups per VPC, rules per group).</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <returns>Every check; <see cref="QuotaReport.Fits"/> says whether the classroom fits.</returns>
    public static async Task<QuotaReport> CheckAsync(
        IAmazonEC2 ec2, IAmazonElasticLoadBalancingV2 elasticLoadBalancing, ClassroomNeeds needs, QuotaLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        ArgumentNullException.ThrowIfNull(elasticLoadBalancing);
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfNegative(needs.Labs);
        ArgumentOutOfRangeException.ThrowIfNegative(needs.InstancesPerLab);
        cancellationToken.ThrowIfCancellationRequested();

        var loadBalancing = LoadBalancingQuotas.CheckAsync(elasticLoadBalancing, needs, cancellationToken);
        var network = NetworkQuotas.CheckAsync(ec2, needs, limits, cancellationToken);
        var vcpus = VcpuQuota.CheckAsync(ec2, needs, limits, cancellationToken);
        await Task.WhenAll(loadBalancing, network, vcpus).ConfigureAwait(false);
        return new QuotaReport([.. await loadBalancing.ConfigureAwait(false), .. await network.ConfigureAwait(false), await vcpus.ConfigureAwait(false)]);
    }

    /// <summary>Whether the endpoint does not serve the action (an emulator or a partition without it).</summary>
    internal static bool IsNotServed(AmazonServiceException error) =>
        error.ErrorCode is "InvalidAction" or "UnsupportedOperation" or "UnknownOperationException";
}
