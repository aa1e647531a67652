namespace AlbBuilder.Provisioning;

/// <summary>
/// The creates of one start, each a step of its concept; a task parameter is what the step needs first (it waits for it).
/// An <see cref="ILabStartOrder"/> composes them.
/// </summary>
internal sealed class LabStartSteps(LabStart start, LabNetwork network)
{
    public LabNetwork Network { get; } = network;

    /// <summary>The lab (definition, clients, clock), for an order that needs more than the steps (the benchmark's page check).</summary>
    public LabContext Lab => start.Lab;

    /// <summary>Cancelled by the caller or by the first failing step.</summary>
    public CancellationToken Token => start.Steps.Token;

    public Task<string> LoadBalancerSecurityGroupAsync() => LabSecurityGroups.EnsureLoadBalancerGroupAsync(start, Network);

    public Task<string> InstanceSecurityGroupAsync() => LabSecurityGroups.EnsureInstanceGroupAsync(start, Network);

    public Task<string> AuthorizeInstanceIngressAsync(Task<string> instanceGroup, Task<string> loadBalancerGroup) =>
        LabSecurityGroups.AuthorizeInstanceIngressAsync(start, instanceGroup, loadBalancerGroup);

    public Task<string> TargetGroupAsync() => LabTargetGroup.EnsureAsync(start, Network);

    public Task<string> LoadBalancerAsync(Task<string> loadBalancerGroup) => LabLoadBalancer.EnsureAsync(start, loadBalancerGroup, Network);

    public Task WaitLoadBalancerActiveAsync(Task<string> loadBalancer) => LabLoadBalancer.WaitActiveAsync(start, loadBalancer);

    public Task<string> ListenerAsync(Task<string> loadBalancer, Task<string> targetGroup) => LabListener.EnsureAsync(start, loadBalancer, targetGroup);

    public Task<IReadOnlyList<string>> InstancesAsync(Task<string> instanceGroup) => LabInstances.EnsureAsync(start, instanceGroup, Network);

    public Task<IReadOnlyList<string>> RegisterTargetsAsync(Task<string> targetGroup, Task<IReadOnlyList<string>> instances) =>
        LabTargetGroup.RegisterTargetsAsync(start, targetGroup, instances);
}
