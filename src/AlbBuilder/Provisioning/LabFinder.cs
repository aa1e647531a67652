using System.Globalization;
using AlbBuilder.Building;
using AlbBuilder.Ec2;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using Amazon.EC2;
using Instance = Amazon.EC2.Model.Instance;
using SecurityGroup = Amazon.EC2.Model.SecurityGroup;

namespace AlbBuilder.Provisioning;

/// <summary>
/// Finds a lab's resources by its ownership tags: security groups and instances by tag filter, the load balancer and
/// target group by their deterministic names and then their tags (a same-named resource without the tags is foreign).
/// </summary>
internal static class LabFinder
{
    public static async Task<FoundLab> FindAsync(IAmazonEC2 ec2, IAmazonElasticLoadBalancingV2 elb, AlbLabDefinition definition, CancellationToken cancellationToken)
    {
        var name = definition.Name;
        var groupsTask = Ec2Queries.DescribeSecurityGroupsAsync(ec2, [Ec2ModelExtensions.TagFilter(LabTags.Lab, name)], cancellationToken);
        var instancesTask = Ec2Queries.DescribeInstancesAsync(ec2, [Ec2ModelExtensions.TagFilter(LabTags.Lab, name), Ec2ModelExtensions.LiveInstanceStates()], cancellationToken);
        var loadBalancerTask = FindLoadBalancerAsync(elb, definition.LoadBalancerName, cancellationToken);
        var targetGroupTask = FindTargetGroupAsync(elb, definition.TargetGroupName, cancellationToken);
        await Task.WhenAll(groupsTask, instancesTask, loadBalancerTask, targetGroupTask).ConfigureAwait(false);

        var groups = (await groupsTask.ConfigureAwait(false)).Where(g => Owned(name, g.Tags)).ToList();
        var instances = (await instancesTask.ConfigureAwait(false))
            .Where(i => Owned(name, i.Tags) && i.Tags.TagValue(LabTags.Role) == LabRoles.Instance)
            .ToList();
        var loadBalancer = await loadBalancerTask.ConfigureAwait(false);
        var targetGroup = await targetGroupTask.ConfigureAwait(false);

        var foreign = new List<string>();
        var elbTags = await DescribeTagsAsync(elb, [loadBalancer?.LoadBalancerArn, targetGroup?.TargetGroupArn], cancellationToken).ConfigureAwait(false);
        if (loadBalancer is not null && !Owned(name, elbTags, loadBalancer.LoadBalancerArn))
        {
            foreign.Add($"load balancer {definition.LoadBalancerName}");
            loadBalancer = null;
        }

        if (targetGroup is not null && !Owned(name, elbTags, targetGroup.TargetGroupArn))
        {
            foreign.Add($"target group {definition.TargetGroupName}");
            targetGroup = null;
        }

        var listener = loadBalancer?.LoadBalancerArn is { } arn
            ? await FindListenerAsync(elb, name, arn, definition.ListenerPort, cancellationToken).ConfigureAwait(false)
            : null;

        var labId = groups.Select(g => g.Tags.TagValue(LabTags.LabId))
            .Concat(instances.Select(i => i.Tags.TagValue(LabTags.LabId)))
            .Concat([TagValue(elbTags, loadBalancer?.LoadBalancerArn, LabTags.LabId), TagValue(elbTags, targetGroup?.TargetGroupArn, LabTags.LabId)])
            .FirstOrDefault(id => !string.IsNullOrEmpty(id));

        return new FoundLab(
            labId,
            groups.FirstOrDefault(g => g.Tags.TagValue(LabTags.Role) == LabRoles.LoadBalancerSecurityGroup),
            groups.FirstOrDefault(g => g.Tags.TagValue(LabTags.Role) == LabRoles.InstanceSecurityGroup),
            IndexInstances(name, instances),
            targetGroup,
            loadBalancer,
            listener,
            foreign);
    }

    /// <summary>Index from the Name tag (<c>&lt;lab&gt;-N</c>); instances without a readable one go after the highest index.</summary>
    private static SortedDictionary<int, Instance> IndexInstances(string lab, List<Instance> instances)
    {
        var indexed = new SortedDictionary<int, Instance>();
        var unnamed = new List<Instance>();
        foreach (var instance in instances.OrderBy(i => i.InstanceId, StringComparer.Ordinal))
        {
            var tag = instance.Tags.TagValue("Name");
            if (tag is not null && tag.StartsWith(lab + "-", StringComparison.Ordinal)
                && int.TryParse(tag.AsSpan(lab.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index > 0 && !indexed.ContainsKey(index))
            {
                indexed[index] = instance;
            }
            else
            {
                unnamed.Add(instance);
            }
        }

        foreach (var instance in unnamed)
        {
            indexed[indexed.Count == 0 ? 1 : indexed.Keys.Max() + 1] = instance;
        }

        return indexed;
    }

    private static async Task<LoadBalancer?> FindLoadBalancerAsync(IAmazonElasticLoadBalancingV2 elb, string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await elb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { Names = [name] }, cancellationToken).ConfigureAwait(false);
            return response?.LoadBalancers?.FirstOrDefault(lb => lb.LoadBalancerArn is not null);
        }
        catch (LoadBalancerNotFoundException)
        {
            return null;
        }
    }

    private static async Task<TargetGroup?> FindTargetGroupAsync(IAmazonElasticLoadBalancingV2 elb, string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Names = [name] }, cancellationToken).ConfigureAwait(false);
            return response?.TargetGroups?.FirstOrDefault(tg => tg.TargetGroupArn is not null);
        }
        catch (TargetGroupNotFoundException)
        {
            return null;
        }
    }

    private static async Task<Listener?> FindListenerAsync(IAmazonElasticLoadBalancingV2 elb, string lab, string loadBalancerArn, int port, CancellationToken cancellationToken)
    {
        DescribeListenersResponse? response;
        try
        {
            response = await elb.DescribeListenersAsync(new DescribeListenersRequest { LoadBalancerArn = loadBalancerArn }, cancellationToken).ConfigureAwait(false);
        }
        catch (LoadBalancerNotFoundException)
        {
            return null;
        }

        var listener = response?.Listeners?.FirstOrDefault(l => l.Port == port && l.ListenerArn is not null);
        if (listener is null)
        {
            return null;
        }

        var tags = await DescribeTagsAsync(elb, [listener.ListenerArn], cancellationToken).ConfigureAwait(false);
        return Owned(lab, tags, listener.ListenerArn) ? listener : null;
    }

    /// <summary>Tags by ARN; one call for up to 20 ARNs (the API's limit); missing resources are skipped.</summary>
    internal static async Task<IReadOnlyDictionary<string, List<ElasticLoadBalancingV2.Model.Tag>>> DescribeTagsAsync(
        IAmazonElasticLoadBalancingV2 elb,
        IEnumerable<string?> arns,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<ElasticLoadBalancingV2.Model.Tag>>(StringComparer.Ordinal);
        foreach (var chunk in arns.OfType<string>().Distinct(StringComparer.Ordinal).Chunk(20))
        {
            try
            {
                await AddTagsAsync(elb, chunk, result, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonElasticLoadBalancingV2Exception ex) when (IsNotFound(ex) && chunk.Length > 1)
            {
                // One resource went away meanwhile and failed the whole call: ask for the others one by one.
                foreach (var arn in chunk)
                {
                    try
                    {
                        await AddTagsAsync(elb, [arn], result, cancellationToken).ConfigureAwait(false);
                    }
                    catch (AmazonElasticLoadBalancingV2Exception single) when (IsNotFound(single))
                    {
                    }
                }
            }
            catch (AmazonElasticLoadBalancingV2Exception ex) when (IsNotFound(ex))
            {
            }
        }

        return result;
    }

    private static bool IsNotFound(AmazonElasticLoadBalancingV2Exception ex) => ex.ErrorCode?.EndsWith("NotFound", StringComparison.Ordinal) == true;

    private static async Task AddTagsAsync(IAmazonElasticLoadBalancingV2 elb, string[] arns, Dictionary<string, List<ElasticLoadBalancingV2.Model.Tag>> result, CancellationToken cancellationToken)
    {
        var response = await elb.DescribeTagsAsync(new DescribeTagsRequest { ResourceArns = [.. arns] }, cancellationToken).ConfigureAwait(false);
        foreach (var description in response?.TagDescriptions ?? [])
        {
            if (description.ResourceArn is { } arn)
            {
                result[arn] = description.Tags ?? [];
            }
        }
    }

    internal static bool Owned(string lab, IReadOnlyDictionary<string, List<ElasticLoadBalancingV2.Model.Tag>> tags, string? arn) =>
        arn is not null && tags.TryGetValue(arn, out var list)
        && LabOwnership.IsOwned(lab, key => list.FirstOrDefault(t => t.Key == key)?.Value);

    internal static string? TagValue(IReadOnlyDictionary<string, List<ElasticLoadBalancingV2.Model.Tag>> tags, string? arn, string key) =>
        arn is not null && tags.TryGetValue(arn, out var list) ? list.FirstOrDefault(t => t.Key == key)?.Value : null;

    private static bool Owned(string lab, List<Amazon.EC2.Model.Tag>? tags) => LabOwnership.IsOwned(lab, key => tags.TagValue(key));
}
