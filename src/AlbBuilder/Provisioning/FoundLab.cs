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

    /// <summary>Everything found (what a teardown deletes), in creation order.</summary>
    public LabResourceSet Resources => LabResourceSet.From(
        Kind(LabResourceKind.LoadBalancerSecurityGroup, LoadBalancerSecurityGroup?.GroupId)
            .Concat(Kind(LabResourceKind.InstanceSecurityGroup, InstanceSecurityGroup?.GroupId))
            .Concat(Kind(LabResourceKind.TargetGroup, TargetGroup?.TargetGroupArn))
            .Concat(Instances.Values.Select(i => i.InstanceId).OfType<string>().Select(id => new LabResource(LabResourceKind.Instance, id)))
            .Concat(Kind(LabResourceKind.LoadBalancer, LoadBalancer?.LoadBalancerArn))
            .Concat(Kind(LabResourceKind.Listener, Listener?.ListenerArn)));

    /// <summary>The VPC the found resources are in.</summary>
    public string? VpcId => LoadBalancer?.VpcId ?? TargetGroup?.VpcId ?? InstanceSecurityGroup?.VpcId ?? LoadBalancerSecurityGroup?.VpcId;

    /// <summary>The load balancer's subnets, in AZ order.</summary>
    public IReadOnlyList<string> SubnetIds => [.. (LoadBalancer?.AvailabilityZones ?? [])
        .Where(az => az.SubnetId is not null)
        .OrderBy(az => az.ZoneName, StringComparer.Ordinal)
        .Select(az => az.SubnetId!)];

    private static IEnumerable<LabResource> Kind(LabResourceKind kind, string? id) => id is null ? [] : [new LabResource(kind, id)];
}
