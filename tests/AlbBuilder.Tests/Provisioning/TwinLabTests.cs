using AlbBuilder.LocalCloud;
using Cloud = AlbBuilder.LocalCloud.LocalCloud;

namespace AlbBuilder.Tests.Provisioning;

/// <summary>
/// Two lab objects with the same name: the second adopts the running lab (adoption is by name), and disposing it must
/// not delete what the first is using. Taking a lab over is explicit (<c>DestroyAsync</c>). On LocalCloud.
/// </summary>
public sealed class TwinLabTests
{
    [Fact]
    public async Task DisposeAsync_TwinThatAdoptedARunningLab_LeavesItServing()
    {
        await using var cloud = await Cloud.StartAsync();
        await using var lab = AlbLab.Create("misuse").WithInstances(2).WithUserData(UserData.HelloHttpd()).ListenOn(80).WithLocalCloud(cloud).Build();
        await lab.StartAsync();

        await using (var twin = AlbLab.Create("misuse").WithInstances(2).WithUserData(UserData.HelloHttpd()).ListenOn(80).WithLocalCloud(cloud).Build())
        {
            await twin.StartAsync();
            Assert.Equal(lab.Resources.LoadBalancerArn, twin.Resources.LoadBalancerArn);
        }

        var traffic = await lab.VerifyTrafficAsync(new TrafficOptions { Requests = 20 });
        Assert.Equal(LabState.Running, lab.State);
        Assert.True(traffic.AllSucceeded, traffic.ToString());
        Assert.Single(cloud.GetInventory().LoadBalancers);
        Assert.Equal(2, lab.Resources.InstanceIds.Count);

        // The object that created the lab still tears all of it down.
        await lab.DisposeAsync();
        Assert.True(cloud.GetInventory().IsEmpty, cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task DisposeAsync_TwinThatAddedAnInstance_RemovesOnlyThatInstance()
    {
        await using var cloud = await Cloud.StartAsync();
        await using var lab = AlbLab.Create("grown").WithInstances(2).WithLocalCloud(cloud).Build();
        await lab.StartAsync();

        string added;
        await using (var twin = AlbLab.Create("grown").WithInstances(3).WithLocalCloud(cloud).Build())
        {
            await twin.StartAsync();
            added = Assert.Single(twin.Resources.InstanceIds.Except(lab.Resources.InstanceIds));
        }

        var inventory = cloud.GetInventory();
        Assert.DoesNotContain(added, inventory.Instances);
        Assert.All(lab.Resources.InstanceIds, id => Assert.Contains(id, inventory.Instances));
        Assert.Single(inventory.LoadBalancers);
        var traffic = await lab.VerifyTrafficAsync(new TrafficOptions { Requests = 20 });
        Assert.True(traffic.AllSucceeded, traffic.ToString());
    }

    [Fact]
    public async Task DestroyAsync_TwinThatAdoptedALab_TakesItOverExplicitly()
    {
        await using var cloud = await Cloud.StartAsync();
        await using var lab = AlbLab.Create("taken").WithInstances(2).WithLocalCloud(cloud).Build();
        await lab.StartAsync();

        await using var twin = AlbLab.Create("taken").WithInstances(2).WithLocalCloud(cloud).Build();
        await twin.StartAsync();
        await twin.DestroyAsync();

        Assert.True(cloud.GetInventory().IsEmpty, cloud.GetInventory().ToString());
    }
}
