namespace AlbBuilder.Provisioning;

/// <summary>
/// The start's dependency graph: each create starts as soon as what it needs exists, so the instance branch and the
/// load-balancer branch run in parallel and join at RegisterTargets and CreateListener.
/// </summary>
internal sealed class LabStartGraph : ILabStartOrder
{
    public static LabStartGraph Instance { get; } = new();

    public async Task<LabTargets> RunAsync(LabStartSteps steps)
    {
        var targetGroup = steps.TargetGroupAsync();
        var loadBalancerGroup = steps.LoadBalancerSecurityGroupAsync();
        var instanceGroupCreated = steps.InstanceSecurityGroupAsync();
        var instanceGroup = steps.AuthorizeInstanceIngressAsync(instanceGroupCreated, loadBalancerGroup);
        var loadBalancer = steps.LoadBalancerAsync(loadBalancerGroup);
        var active = steps.WaitLoadBalancerActiveAsync(loadBalancer);
        var listener = steps.ListenerAsync(loadBalancer, targetGroup);
        var instances = steps.InstancesAsync(instanceGroup);
        var registered = steps.RegisterTargetsAsync(targetGroup, instances);

        // WhenAll waits for every branch even after a failure, so the journal is complete before any rollback.
        await Task.WhenAll(targetGroup, loadBalancerGroup, instanceGroupCreated, instanceGroup, loadBalancer, instances, registered, listener, active).ConfigureAwait(false);
        return new LabTargets(await targetGroup.ConfigureAwait(false), await registered.ConfigureAwait(false));
    }
}
