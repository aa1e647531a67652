using Amazon.EC2.Model;
using Listener = AlbBuilder.ElasticLoadBalancingV2.Model.Listener;
using LoadBalancer = AlbBuilder.ElasticLoadBalancingV2.Model.LoadBalancer;
using TargetGroup = AlbBuilder.ElasticLoadBalancingV2.Model.TargetGroup;

namespace AlbBuilder.Provisioning;

/// <summary>What already exists of a lab, found by its ownership tags (only resources that carry them).</summary>
/// <param name="LabId">The lab id carried by the found resources, if any.</param>
/// <param name="LoadBalancerSecurityGroup">The load balancer's security group.</param>
/// <param name="InstanceSecurityGroup">The instances' security group.</param>
/// <param name="Instances">Live (not terminated) instances by Name-tag index; unnamed ones get indexes after the named.</param>
/// <param name="TargetGroup">The target group.</param>
/// <param name="LoadBalancer">The load balancer.</param>
/// <param name="Listener">The listener on the lab's port.</param>
/// <param name="ForeignNames">Names the lab needs that are taken by resources without its ownership tags.</param>
internal sealed record FoundLab(
    string? LabId,
    SecurityGroup? LoadBalancerSecurityGroup,
    SecurityGroup? InstanceSecurityGroup,
    IReadOnlyDictionary<int, Instance> Instances,
    TargetGroup? TargetGroup,
    LoadBalancer? LoadBalancer,
    Listener? Listener,
    IReadOnlyList<string> ForeignNames)
{
    public bool Any => LoadBalancerSecurityGroup is not null || InstanceSecurityGroup is not null || Instances.Count > 0
        || TargetGroup is not null || LoadBalancer is not null || Listener is not null;

    /// <summary>Everything found, to tear down.</summary>
    public TeardownPlan ToTeardownPlan() => new(
        Listener?.ListenerArn is { } listener ? [listener] : [],
        LoadBalancer?.LoadBalancerArn,
        TargetGroup?.TargetGroupArn,
        [.. Instances.Values.Select(i => i.InstanceId).OfType<string>()],
        [.. new[] { InstanceSecurityGroup?.GroupId, LoadBalancerSecurityGroup?.GroupId }.OfType<string>()]);
}
