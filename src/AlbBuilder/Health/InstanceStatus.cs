using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;

namespace AlbBuilder;

/// <summary>One instance of a lab and its health as a target.</summary>
/// <param name="InstanceId">The EC2 instance id.</param>
/// <param name="Name">Its Name tag (<c>&lt;lab&gt;-N</c>).</param>
/// <param name="State">Its EC2 state (<see cref="InstanceStateName.Running"/>, <see cref="InstanceStateName.Stopped"/>…), null if EC2 doesn't report it.</param>
/// <param name="PrivateDnsName">Its private DNS name (what the seed's page prints).</param>
/// <param name="PublicIpAddress">Its public IPv4 address, if any.</param>
/// <param name="AvailabilityZone">Its Availability Zone.</param>
/// <param name="TargetState">Its target health state (<see cref="TargetHealthStateEnum.Healthy"/>, <see cref="TargetHealthStateEnum.Unused"/>…), null if not registered.</param>
/// <param name="TargetReason">The reason code (e.g. <c>Target.InvalidState</c>), if any.</param>
/// <param name="TargetDescription">The service's description of the reason, if any.</param>
public sealed record InstanceStatus(
    string InstanceId,
    string? Name,
    InstanceStateName? State,
    string? PrivateDnsName,
    string? PublicIpAddress,
    string? AvailabilityZone,
    TargetHealthStateEnum? TargetState,
    string? TargetReason,
    string? TargetDescription)
{
    /// <summary>The EC2 instance id.</summary>
    public string InstanceId { get; } = InstanceId;

    /// <summary>Its Name tag (<c>&lt;lab&gt;-N</c>).</summary>
    public string? Name { get; } = Name;

    /// <summary>Its EC2 state (<see cref="InstanceStateName.Running"/>, <see cref="InstanceStateName.Stopped"/>…), null if EC2 doesn't report it.</summary>
    public InstanceStateName? State { get; } = State;

    /// <summary>Its private DNS name (what the seed's page prints).</summary>
    public string? PrivateDnsName { get; } = PrivateDnsName;

    /// <summary>Its public IPv4 address, if any.</summary>
    public string? PublicIpAddress { get; } = PublicIpAddress;

    /// <summary>Its Availability Zone.</summary>
    public string? AvailabilityZone { get; } = AvailabilityZone;

    /// <summary>Its target health state (<see cref="TargetHealthStateEnum.Healthy"/>, <see cref="TargetHealthStateEnum.Unused"/>…), null if not registered.</summary>
    public TargetHealthStateEnum? TargetState { get; } = TargetState;

    /// <summary>The reason code (e.g. <c>Target.InvalidState</c>), if any.</summary>
    public string? TargetReason { get; } = TargetReason;

    /// <summary>The service's description of the reason, if any.</summary>
    public string? TargetDescription { get; } = TargetDescription;
}
