using System.Text;

namespace AlbBuilder;

/// <summary>The AWS identifiers of a lab's resources; members are null or empty until created or found.</summary>
/// <param name="LabId">The unique id of this lab instance (the <c>albbuilder:lab-id</c> tag).</param>
/// <param name="VpcId">The VPC.</param>
/// <param name="SubnetIds">One subnet per Availability Zone used by the load balancer and instances.</param>
/// <param name="LoadBalancerSecurityGroupId">The load balancer's security group.</param>
/// <param name="InstanceSecurityGroupId">The instances' security group.</param>
/// <param name="InstanceIds">The instances, in Name-tag order (<c>&lt;lab&gt;-1</c> first).</param>
/// <param name="TargetGroupArn">The target group.</param>
/// <param name="LoadBalancerArn">The load balancer.</param>
/// <param name="LoadBalancerDnsName">The load balancer's DNS name.</param>
/// <param name="ListenerArn">The HTTP listener.</param>
public sealed record LabResources(
    string? LabId,
    string? VpcId,
    IReadOnlyList<string> SubnetIds,
    string? LoadBalancerSecurityGroupId,
    string? InstanceSecurityGroupId,
    IReadOnlyList<string> InstanceIds,
    string? TargetGroupArn,
    string? LoadBalancerArn,
    string? LoadBalancerDnsName,
    string? ListenerArn)
{
    /// <summary>The unique id of this lab instance (the <c>albbuilder:lab-id</c> tag).</summary>
    public string? LabId { get; } = LabId;

    /// <summary>The VPC.</summary>
    public string? VpcId { get; } = VpcId;

    /// <summary>One subnet per Availability Zone used by the load balancer and instances.</summary>
    public IReadOnlyList<string> SubnetIds { get; } = SubnetIds;

    /// <summary>The load balancer's security group.</summary>
    public string? LoadBalancerSecurityGroupId { get; } = LoadBalancerSecurityGroupId;

    /// <summary>The instances' security group.</summary>
    public string? InstanceSecurityGroupId { get; } = InstanceSecurityGroupId;

    /// <summary>The instances, in Name-tag order (<c>&lt;lab&gt;-1</c> first).</summary>
    public IReadOnlyList<string> InstanceIds { get; } = InstanceIds;

    /// <summary>The target group.</summary>
    public string? TargetGroupArn { get; } = TargetGroupArn;

    /// <summary>The load balancer.</summary>
    public string? LoadBalancerArn { get; } = LoadBalancerArn;

    /// <summary>The load balancer's DNS name.</summary>
    public string? LoadBalancerDnsName { get; } = LoadBalancerDnsName;

    /// <summary>The HTTP listener.</summary>
    public string? ListenerArn { get; } = ListenerArn;

    /// <summary>No resources.</summary>
    public static LabResources None { get; } = new(null, null, [], null, null, [], null, null, null, null);

    /// <summary>The lab's own resources (not the VPC and subnets, which it only uses), in creation order.</summary>
    public LabResourceSet All => LabResourceSet.From(
        Kind(LabResourceKind.LoadBalancerSecurityGroup, LoadBalancerSecurityGroupId)
            .Concat(Kind(LabResourceKind.InstanceSecurityGroup, InstanceSecurityGroupId))
            .Concat(Kind(LabResourceKind.TargetGroup, TargetGroupArn))
            .Concat(InstanceIds.Select(id => new LabResource(LabResourceKind.Instance, id)))
            .Concat(Kind(LabResourceKind.LoadBalancer, LoadBalancerArn))
            .Concat(Kind(LabResourceKind.Listener, ListenerArn)));

    /// <summary>The lab's resources from the resource model, plus what the model does not hold (lab id, network, DNS name).</summary>
    internal static LabResources From(string? labId, string? vpcId, IReadOnlyList<string> subnetIds, LabResourceSet resources, string? loadBalancerDnsName) =>
        new(
            labId,
            vpcId,
            subnetIds,
            resources.IdsOf(LabResourceKind.LoadBalancerSecurityGroup).FirstOrDefault(),
            resources.IdsOf(LabResourceKind.InstanceSecurityGroup).FirstOrDefault(),
            resources.IdsOf(LabResourceKind.Instance),
            resources.IdsOf(LabResourceKind.TargetGroup).FirstOrDefault(),
            resources.IdsOf(LabResourceKind.LoadBalancer).FirstOrDefault(),
            loadBalancerDnsName,
            resources.IdsOf(LabResourceKind.Listener).FirstOrDefault());

    // Lists print their items (the compiler's record printing shows the list's type name).
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("LabId = ").Append(LabId)
            .Append(", VpcId = ").Append(VpcId)
            .Append(", SubnetIds = ").Append(RecordText.List(SubnetIds))
            .Append(", LoadBalancerSecurityGroupId = ").Append(LoadBalancerSecurityGroupId)
            .Append(", InstanceSecurityGroupId = ").Append(InstanceSecurityGroupId)
            .Append(", InstanceIds = ").Append(RecordText.List(InstanceIds))
            .Append(", TargetGroupArn = ").Append(TargetGroupArn)
            .Append(", LoadBalancerArn = ").Append(LoadBalancerArn)
            .Append(", LoadBalancerDnsName = ").Append(LoadBalancerDnsName)
            .Append(", ListenerArn = ").Append(ListenerArn);
        return true;
    }

    private static IEnumerable<LabResource> Kind(LabResourceKind kind, string? id) => id is null ? [] : [new LabResource(kind, id)];
}
