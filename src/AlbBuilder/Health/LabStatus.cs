using AlbBuilder.ElasticLoadBalancingV2;

namespace AlbBuilder;

/// <summary>A snapshot of a lab: the load balancer and each instance with its target health.</summary>
/// <param name="Timestamp">When the snapshot was taken.</param>
/// <param name="LoadBalancerState">The load balancer's state (<see cref="LoadBalancerStateEnum.Active"/>, <see cref="LoadBalancerStateEnum.Provisioning"/>…), null if it doesn't exist.</param>
/// <param name="LoadBalancerDnsName">The load balancer's DNS name.</param>
/// <param name="Instances">Each instance of the lab, in Name-tag order.</param>
public sealed record LabStatus(
    DateTimeOffset Timestamp,
    LoadBalancerStateEnum? LoadBalancerState,
    string? LoadBalancerDnsName,
    IReadOnlyList<InstanceStatus> Instances)
{
    /// <summary>When the snapshot was taken.</summary>
    public DateTimeOffset Timestamp { get; } = Timestamp;

    /// <summary>The load balancer's state (<see cref="LoadBalancerStateEnum.Active"/>, <see cref="LoadBalancerStateEnum.Provisioning"/>…), null if it doesn't exist.</summary>
    public LoadBalancerStateEnum? LoadBalancerState { get; } = LoadBalancerState;

    /// <summary>The load balancer's DNS name.</summary>
    public string? LoadBalancerDnsName { get; } = LoadBalancerDnsName;

    /// <summary>Each instance of the lab, in Name-tag order.</summary>
    public IReadOnlyList<InstanceStatus> Instances { get; } = Instances;

    /// <summary>Whether the load balancer is active and every instance is a healthy target.</summary>
    public bool IsServing => LoadBalancerState == LoadBalancerStateEnum.Active && Instances.Count > 0 && Instances.All(i => i.TargetState == TargetHealthStateEnum.Healthy);
}
