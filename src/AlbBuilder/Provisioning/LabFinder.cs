using AlbBuilder.Building;
using AlbBuilder.Ec2;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;

namespace AlbBuilder.Provisioning;

/// <summary>
/// Finds a lab's resources by its ownership tags: security groups and instances by tag filter, the load balancer and
/// target group by their deterministic names and then their tags (a same-named resource without the tags is foreign).
/// Each concept finds its own kind; this puts them together.
/// </summary>
internal static class LabFinder
{
    public static async Task<FoundLab> FindAsync(IAmazonEC2 ec2, IAmazonElasticLoadBalancingV2 elb, AlbLabDefinition definition, CancellationToken cancellationToken)
    {
        var name = definition.Name;
        var groupsTask = LabSecurityGroups.FindAsync(ec2, name, cancellationToken);
        var instancesTask = LabInstances.FindAsync(ec2, name, cancellationToken);
        var loadBalancerTask = LabLoadBalancer.FindAsync(elb, definition.LoadBalancerName, cancellationToken);
        var targetGroupTask = LabTargetGroup.FindAsync(elb, definition.TargetGroupName, cancellationToken);
        await Task.WhenAll(groupsTask, instancesTask, loadBalancerTask, targetGroupTask).ConfigureAwait(false);

        var groups = await groupsTask.ConfigureAwait(false);
        var instances = await instancesTask.ConfigureAwait(false);
        var loadBalancer = await loadBalancerTask.ConfigureAwait(false);
        var targetGroup = await targetGroupTask.ConfigureAwait(false);

        var foreign = new List<string>();
        var elbTags = await ElbTags.DescribeAsync(elb, [loadBalancer?.LoadBalancerArn, targetGroup?.TargetGroupArn], cancellationToken).ConfigureAwait(false);
        if (loadBalancer is not null && !ElbTags.Owned(name, elbTags, loadBalancer.LoadBalancerArn))
        {
            foreign.Add($"load balancer {definition.LoadBalancerName}");
            loadBalancer = null;
        }

        if (targetGroup is not null && !ElbTags.Owned(name, elbTags, targetGroup.TargetGroupArn))
        {
            foreign.Add($"target group {definition.TargetGroupName}");
            targetGroup = null;
        }

        var listener = loadBalancer?.LoadBalancerArn is { } arn
            ? await LabListener.FindAsync(elb, name, arn, definition.ListenerPort, cancellationToken).ConfigureAwait(false)
            : null;

        var labId = new[] { groups.LoadBalancer, groups.Instances }.Select(g => g?.Tags.TagValue(LabTags.LabId))
            .Concat(instances.Values.OrderBy(i => i.InstanceId, StringComparer.Ordinal).Select(i => i.Tags.TagValue(LabTags.LabId)))
            .Concat([ElbTags.TagValue(elbTags, loadBalancer?.LoadBalancerArn, LabTags.LabId), ElbTags.TagValue(elbTags, targetGroup?.TargetGroupArn, LabTags.LabId)])
            .FirstOrDefault(id => !string.IsNullOrEmpty(id));

        return new FoundLab(labId, groups.LoadBalancer, groups.Instances, instances, targetGroup, loadBalancer, listener, foreign);
    }
}
