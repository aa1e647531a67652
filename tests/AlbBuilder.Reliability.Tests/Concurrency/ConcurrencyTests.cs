using AlbBuilder.Reliability.Tests.Infrastructure;

namespace AlbBuilder.Reliability.Tests.Concurrency;

/// <summary>Labs side by side on one account, and one lab started twice at once.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task TwoLabsInParallel_BothServe_EachDestroyLeavesTheOtherIntact()
    {
        await using var rig = await CloudRig.StartAsync();
        var blue = rig.Lab("blue").Build();
        var green = rig.Lab("green").WithInstances(3).Build();

        await Task.WhenAll(blue.StartAsync(), green.StartAsync());

        Assert.Equal(InventoryCounts.Lab(2) with { Instances = 5, SecurityGroups = 4, LoadBalancers = 2, TargetGroups = 2, Listeners = 2 }, InventoryCounts.Of(rig.Inventory));
        var traffic = await Task.WhenAll(blue.VerifyTrafficAsync(), green.VerifyTrafficAsync());
        Assert.All(traffic, t => Assert.True(t.AllSucceeded));
        Assert.Equal([2, 3], traffic.Select(t => t.DistinctBackends));
        Assert.Empty(blue.Resources.InstanceIds.Intersect(green.Resources.InstanceIds));

        await blue.DestroyAsync();
        Assert.Equal(InventoryCounts.Lab(3), InventoryCounts.Of(rig.Inventory));
        Assert.True((await green.VerifyTrafficAsync()).AllSucceeded);

        await green.DestroyAsync();
        Assert.True(rig.Inventory.IsEmpty, rig.Inventory.ToString());
    }

    [Fact]
    public async Task TwoStartsOnOneLab_AreSerialized_NoDuplicates()
    {
        await using var rig = await CloudRig.StartAsync();
        var lab = rig.Lab("twin").Build();

        await Task.WhenAll(lab.StartAsync(), lab.StartAsync(), lab.StartAsync());

        Assert.Equal(InventoryCounts.Lab(2), InventoryCounts.Of(rig.Inventory));
        Assert.Equal(2, rig.Cloud.Calls["RunInstances"]); // one per AZ, once
        Assert.Equal(1, rig.Cloud.Calls["CreateLoadBalancer"]);
        await lab.DestroyAsync();
        Assert.True(rig.Inventory.IsEmpty, rig.Inventory.ToString());
    }
}
