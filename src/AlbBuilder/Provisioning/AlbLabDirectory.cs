using System.Globalization;
using AlbBuilder.Ec2;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Provisioning;
using Amazon.EC2;

namespace AlbBuilder;

/// <summary>Finds the labs in an account and region by their ownership tags (for listing and sweeping expired labs).</summary>
public static class AlbLabDirectory
{
    /// <summary>
    /// Lists every lab that has resources tagged by AlbBuilder: security groups and live instances by tag filter, load
    /// balancers and target groups by listing them and reading their tags (20 ARNs per DescribeTags call).
    /// </summary>
    /// <param name="ec2">The EC2 client.</param>
    /// <param name="elasticLoadBalancing">The ELBv2 client.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The labs, ordered by name.</returns>
    /// <exception cref="ArgumentNullException">A client is null.</exception>
    /// <exception cref="Amazon.Runtime.AmazonServiceException">AWS rejected a call (for example missing permissions).</exception>
    public static async Task<IReadOnlyList<LabSummary>> ListAsync(IAmazonEC2 ec2, IAmazonElasticLoadBalancingV2 elasticLoadBalancing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        ArgumentNullException.ThrowIfNull(elasticLoadBalancing);

        return [.. (await ListOwnedResourcesAsync(ec2, elasticLoadBalancing, cancellationToken).ConfigureAwait(false))
            .GroupBy(r => r.Tag(LabTags.Lab)!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LabSummary(
                g.Key,
                g.Select(r => r.Tag(LabTags.LabId)).FirstOrDefault(id => !string.IsNullOrEmpty(id)),
                g.Select(r => ParseExpiry(r.Tag(LabTags.ExpiresAt))).Where(e => e is not null).Min(),
                [.. g.Select(r => r.Id)]))];
    }

    /// <summary>
    /// Every resource that carries a lab name and AlbBuilder's created-by tag, with a reader of its tags (a classroom's
    /// sweep reads its class tag; listing groups them by lab).
    /// </summary>
    internal static async Task<IReadOnlyList<(string Id, Func<string, string?> Tag)>> ListOwnedResourcesAsync(
        IAmazonEC2 ec2, IAmazonElasticLoadBalancingV2 elasticLoadBalancing, CancellationToken cancellationToken)
    {
        var tagged = Ec2ModelExtensions.Filter("tag-key", LabTags.Lab);
        var groupsTask = Ec2Queries.DescribeSecurityGroupsAsync(ec2, [tagged], cancellationToken);
        var instancesTask = Ec2Queries.DescribeInstancesAsync(ec2, [tagged, Ec2ModelExtensions.LiveInstanceStates()], cancellationToken);
        var elbTask = ListElbResourcesAsync(elasticLoadBalancing, cancellationToken);
        await Task.WhenAll(groupsTask, instancesTask, elbTask).ConfigureAwait(false);

        var resources = new List<(string Id, Func<string, string?> Tag)>();
        resources.AddRange((await groupsTask.ConfigureAwait(false)).Where(g => g.GroupId is not null).Select(g => (g.GroupId, (Func<string, string?>)(k => g.Tags.TagValue(k)))));
        resources.AddRange((await instancesTask.ConfigureAwait(false)).Where(i => i.InstanceId is not null).Select(i => (i.InstanceId, (Func<string, string?>)(k => i.Tags.TagValue(k)))));
        resources.AddRange(await elbTask.ConfigureAwait(false));

        return [.. resources
            .Where(r => r.Tag(LabTags.Lab) is { Length: > 0 } && string.Equals(r.Tag(LabTags.CreatedBy), LabTags.CreatedByValue, StringComparison.Ordinal))];
    }

    private static DateTimeOffset? ParseExpiry(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;

    private static async Task<IReadOnlyList<(string Id, Func<string, string?> Tag)>> ListElbResourcesAsync(IAmazonElasticLoadBalancingV2 elb, CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        string? marker = null;
        do
        {
            var response = await elb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { Marker = marker }, cancellationToken).ConfigureAwait(false);
            arns.AddRange(response?.LoadBalancers?.Select(lb => lb.LoadBalancerArn).OfType<string>() ?? []);
            marker = response?.NextMarker;
        }
        while (!string.IsNullOrEmpty(marker));

        do
        {
            var response = await elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Marker = marker }, cancellationToken).ConfigureAwait(false);
            arns.AddRange(response?.TargetGroups?.Select(tg => tg.TargetGroupArn).OfType<string>() ?? []);
            marker = response?.NextMarker;
        }
        while (!string.IsNullOrEmpty(marker));

        var tags = await ElbTags.DescribeAsync(elb, arns, cancellationToken).ConfigureAwait(false);
        return [.. tags.Select(t => (t.Key, (Func<string, string?>)(k => t.Value.FirstOrDefault(tag => tag.Key == k)?.Value)))];
    }
}
