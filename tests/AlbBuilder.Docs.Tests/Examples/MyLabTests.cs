using AlbBuilder;
using AlbBuilder.LocalCloud;

// Outside the AlbBuilder namespace, as a user's test project would be: there `LocalCloud` is the class.
namespace DocsExamples;

// docs/localcloud.md shows this class: a test class that starts its own LocalCloud.
#region snippet:localcloud-own-tests
public sealed class MyLabTests : IAsyncLifetime
{
    private LocalCloud _cloud = null!;

    public async Task InitializeAsync() => _cloud = await LocalCloud.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [Fact]
    public async Task Lab_ServesFromEveryInstance_AndLeavesNothing()
    {
        await using (var lab = AlbLab.Create("test").WithInstances(2).WithLocalCloud(_cloud).Build())
        {
            await lab.StartAsync();

            var report = await lab.VerifyTrafficAsync();
            Assert.True(report.AllSucceeded, report.ToString());
            Assert.Equal(2, report.DistinctBackends);
        }

        Assert.True(_cloud.GetInventory().IsEmpty, _cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task Throttling_IsRetriedByTheSdk()
    {
        _cloud.Faults.Throttle("CreateLoadBalancer", count: 2);
        await using var lab = AlbLab.Create("throttled").WithLocalCloud(_cloud).Build();

        await lab.StartAsync();

        Assert.Equal(3, _cloud.Calls["CreateLoadBalancer"]);   // two throttled answers, then success
    }
}
#endregion
