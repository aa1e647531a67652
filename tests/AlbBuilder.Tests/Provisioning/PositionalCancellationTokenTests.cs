using AlbBuilder.LocalCloud;
using Cloud = AlbBuilder.LocalCloud.LocalCloud;

namespace AlbBuilder.Tests.Provisioning;

/// <summary>The shape .NET users type first: a CancellationToken as the only argument of each lab operation.</summary>
public sealed class PositionalCancellationTokenTests
{
    [Fact]
    public async Task LabOperations_TakeAPositionalCancellationToken()
    {
        await using var cloud = await Cloud.StartAsync();
        IAlbLab lab = AlbLab.Create("positional").WithInstances(2).WithLocalCloud(cloud).Build();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;

        await lab.StartAsync(ct);
        var traffic = await lab.VerifyTrafficAsync(ct);
        var drill = await lab.RunFailoverDrillAsync(ct);
        await lab.DestroyAsync(ct);

        Assert.True(traffic.AllSucceeded, traffic.ToString());
        Assert.True(drill.Succeeded, drill.Summary);
        Assert.Equal(LabState.Destroyed, lab.State);
        Assert.True(cloud.GetInventory().IsEmpty, cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task StartAsync_PositionalTokenAlreadyCancelled_ThrowsWithoutCreatingAnything()
    {
        await using var cloud = await Cloud.StartAsync();
        IAlbLab lab = AlbLab.Create("positional-cancelled").WithLocalCloud(cloud).Build();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lab.StartAsync(new CancellationToken(canceled: true)));

        Assert.Equal(0, cloud.Calls["CreateSecurityGroup"]);
        Assert.True(cloud.GetInventory().IsEmpty);
    }
}
