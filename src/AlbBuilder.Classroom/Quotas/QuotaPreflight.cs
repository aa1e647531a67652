using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;

namespace AlbBuilder.Classroom.Quotas;

/// <summary>
/// Checks what a classroom needs against the account's limits before anything is created.
/// SEAM STUB (lead): the clients helper replaces this with the real checks.
/// </summary>
internal static class QuotaPreflight
{
    /// <summary>Reads the account's limits and usage and compares them with <paramref name="needs"/>; makes no create call.</summary>
    public static Task<QuotaReport> CheckAsync(IAmazonEC2 ec2, IAmazonElasticLoadBalancingV2 elasticLoadBalancing, ClassroomNeeds needs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        ArgumentNullException.ThrowIfNull(elasticLoadBalancing);
        ArgumentNullException.ThrowIfNull(needs);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new QuotaReport([]));
    }
}
