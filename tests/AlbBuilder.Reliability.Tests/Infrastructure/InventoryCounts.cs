using AlbBuilder.LocalCloud;

namespace AlbBuilder.Reliability.Tests.Infrastructure;

/// <summary>How many of each resource type exist: one lab of N instances is (N, 2, 1, 1, 1).</summary>
internal sealed record InventoryCounts(int Instances, int SecurityGroups, int LoadBalancers, int TargetGroups, int Listeners)
{
    public static InventoryCounts Of(LocalCloudInventory inventory) =>
        new(inventory.Instances.Count, inventory.SecurityGroups.Count, inventory.LoadBalancers.Count, inventory.TargetGroups.Count, inventory.Listeners.Count);

    public static InventoryCounts Lab(int instances, int labs = 1) => new(instances * labs, 2 * labs, labs, labs, labs);
}
