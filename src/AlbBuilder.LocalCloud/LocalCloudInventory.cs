namespace AlbBuilder.LocalCloud;

/// <summary>What exists in the cloud right now, by type, so a test can assert that nothing was left behind.</summary>
public sealed class LocalCloudInventory
{
    internal LocalCloudInventory(
        IReadOnlyList<string> instances,
        IReadOnlyList<string> securityGroups,
        IReadOnlyList<string> loadBalancers,
        IReadOnlyList<string> targetGroups,
        IReadOnlyList<string> listeners)
    {
        Instances = instances;
        SecurityGroups = securityGroups;
        LoadBalancers = loadBalancers;
        TargetGroups = targetGroups;
        Listeners = listeners;
    }

    /// <summary>Gets the ids of instances that are not terminated (including <c>shutting-down</c> ones).</summary>
    public IReadOnlyList<string> Instances { get; }

    /// <summary>Gets the ids of security groups other than the VPC default groups.</summary>
    public IReadOnlyList<string> SecurityGroups { get; }

    /// <summary>Gets the ARNs of load balancers, including ones still being deleted.</summary>
    public IReadOnlyList<string> LoadBalancers { get; }

    /// <summary>Gets the ARNs of target groups.</summary>
    public IReadOnlyList<string> TargetGroups { get; }

    /// <summary>Gets the ARNs of listeners.</summary>
    public IReadOnlyList<string> Listeners { get; }

    /// <summary>Gets a value indicating whether no user-created resource exists.</summary>
    public bool IsEmpty =>
        Instances.Count == 0 && SecurityGroups.Count == 0 && LoadBalancers.Count == 0 && TargetGroups.Count == 0 && Listeners.Count == 0;

    /// <inheritdoc/>
    public override string ToString() =>
        $"instances: [{string.Join(", ", Instances)}], security groups: [{string.Join(", ", SecurityGroups)}], " +
        $"load balancers: [{string.Join(", ", LoadBalancers)}], target groups: [{string.Join(", ", TargetGroups)}], " +
        $"listeners: [{string.Join(", ", Listeners)}]";
}
