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
    /// <summary>No resources.</summary>
    public static LabResources None { get; } = new(null, null, [], null, null, [], null, null, null, null);
}
