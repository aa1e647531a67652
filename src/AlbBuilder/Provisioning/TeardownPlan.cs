namespace AlbBuilder.Provisioning;

/// <summary>The resources a teardown deletes (each already known to carry the lab's ownership tags).</summary>
internal sealed record TeardownPlan(
    IReadOnlyList<string> ListenerArns,
    string? LoadBalancerArn,
    string? TargetGroupArn,
    IReadOnlyList<string> InstanceIds,
    IReadOnlyList<string> SecurityGroupIds)
{
    public static TeardownPlan Empty { get; } = new([], null, null, [], []);

    /// <summary>Both plans' resources (each once; security groups keep the instance group first).</summary>
    public TeardownPlan Union(TeardownPlan other) => new(
        [.. ListenerArns.Union(other.ListenerArns, StringComparer.Ordinal)],
        LoadBalancerArn ?? other.LoadBalancerArn,
        TargetGroupArn ?? other.TargetGroupArn,
        [.. InstanceIds.Union(other.InstanceIds, StringComparer.Ordinal)],
        [.. SecurityGroupIds.Union(other.SecurityGroupIds, StringComparer.Ordinal)]);

    /// <summary>This plan's resources that are not in <paramref name="other"/>.</summary>
    public TeardownPlan Except(TeardownPlan other) => new(
        [.. ListenerArns.Except(other.ListenerArns, StringComparer.Ordinal)],
        LoadBalancerArn == other.LoadBalancerArn ? null : LoadBalancerArn,
        TargetGroupArn == other.TargetGroupArn ? null : TargetGroupArn,
        [.. InstanceIds.Except(other.InstanceIds, StringComparer.Ordinal)],
        [.. SecurityGroupIds.Except(other.SecurityGroupIds, StringComparer.Ordinal)]);

    /// <summary>Every id and ARN, for messages.</summary>
    public IEnumerable<string> Describe() =>
        ListenerArns.Select(a => "listener " + a)
            .Concat(LoadBalancerArn is null ? [] : ["load balancer " + LoadBalancerArn])
            .Concat(TargetGroupArn is null ? [] : ["target group " + TargetGroupArn])
            .Concat(InstanceIds.Select(i => "instance " + i))
            .Concat(SecurityGroupIds.Select(g => "security group " + g));

    public bool IsEmpty => ListenerArns.Count == 0 && LoadBalancerArn is null && TargetGroupArn is null
        && InstanceIds.Count == 0 && SecurityGroupIds.Count == 0;
}
