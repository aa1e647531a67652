namespace AlbBuilder.Provisioning;

/// <summary>The resources a teardown deletes (each already known to carry the lab's ownership tags).</summary>
internal sealed record TeardownPlan(
    IReadOnlyList<string> ListenerArns,
    string? LoadBalancerArn,
    string? TargetGroupArn,
    IReadOnlyList<string> InstanceIds,
    IReadOnlyList<string> SecurityGroupIds)
{
    public bool IsEmpty => ListenerArns.Count == 0 && LoadBalancerArn is null && TargetGroupArn is null
        && InstanceIds.Count == 0 && SecurityGroupIds.Count == 0;
}
