using Xunit.Abstractions;

namespace AlbBuilder.LocalCloud.Tests.Traffic;

/// <summary>An AlbLab driven through <c>WithLocalCloud</c>: start, traffic, failover drill, destroy, nothing left.</summary>
public sealed class WithLocalCloudTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Lab_WithLocalCloud_ServesBalanced_SurvivesDrill_LeavesNothing()
    {
        await using var cloud = await LocalCloud.StartAsync();
        var lab = AlbLab.Create("wlc").WithInstances(2).WithLocalCloud(cloud).Build();
        var started = cloud.TimeProvider.GetTimestamp();

        await lab.StartAsync();
        var traffic = await lab.VerifyTrafficAsync();
        var drill = await lab.RunFailoverDrillAsync();
        await lab.DestroyAsync();

        output.WriteLine($"start + traffic + drill + destroy: {cloud.TimeProvider.GetElapsedTime(started).TotalSeconds:F1} s");
        output.WriteLine(drill.Summary);
        Assert.True(traffic.AllSucceeded, traffic.ToString());
        Assert.Equal(2, traffic.DistinctBackends);
        Assert.True(drill.Succeeded, drill.Summary);
        Assert.Equal(0, drill.FailedAfterWindow);
        Assert.True(cloud.GetInventory().IsEmpty, cloud.GetInventory().ToString());
        Assert.True(cloud.Calls["RunInstances"] >= 1);
        Assert.True(cloud.Calls["StopInstances"] == 1 && cloud.Calls["StartInstances"] == 1);
    }
}
