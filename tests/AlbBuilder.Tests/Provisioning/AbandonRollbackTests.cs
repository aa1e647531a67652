using AlbBuilder.LocalCloud;
using Cloud = AlbBuilder.LocalCloud.LocalCloud;

namespace AlbBuilder.Tests.Provisioning;

/// <summary>
/// The second cancellation: <see cref="IAlbLab.AbandonRollback"/> stops the rollback of a failed or cancelled start and
/// leaves the rest tagged, for <c>DestroyAsync</c> (or a sweep). On LocalCloud.
/// </summary>
public sealed class AbandonRollbackTests
{
    [Fact]
    public async Task StartAsync_RollbackAbandoned_ThrowsAtOnceAndLeavesTheRestFindableByTag()
    {
        await using var cloud = await Cloud.StartAsync();
        cloud.Faults.FailNext("CreateListener", 10, "InvalidConfigurationRequest", 400, "injected");
        await using var lab = AlbLab.Create("abandoned").WithInstances(2).WithLocalCloud(cloud).Build();
        var progress = new SyncProgress(e =>
        {
            if (e.Step == LabStep.Rollback && e.Kind == LabEventKind.Started)
            {
                lab.AbandonRollback();
            }
        });

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync(progress));

        Assert.Equal(LabStep.CreateListener, ex.Step);
        Assert.Contains("Rollback abandoned", ex.Message, StringComparison.Ordinal);
        var left = ex.Created.Except(ex.Removed);
        Assert.NotEmpty(left);
        Assert.Contains(left.IdsOf(LabResourceKind.LoadBalancer).Single(), cloud.GetInventory().LoadBalancers);

        await using var sweeper = AlbLab.Create("abandoned").WithLocalCloud(cloud).Build();
        await sweeper.DestroyAsync();
        Assert.True(cloud.GetInventory().IsEmpty, cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task StartAsync_CancelledThenAbandoned_ThrowsCancellationWithWhatIsLeft()
    {
        await using var cloud = await Cloud.StartAsync();
        using var cancel = new CancellationTokenSource();
        await using var lab = AlbLab.Create("cancel-twice").WithInstances(2).WithLocalCloud(cloud).Build();
        var progress = new SyncProgress(e =>
        {
            if (e.Step == LabStep.CreateListener && e.Kind == LabEventKind.Completed)
            {
                cancel.Cancel();          // the first Ctrl+C
                lab.AbandonRollback();    // the second, before the rollback even began
            }
        });

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lab.StartAsync(progress, cancel.Token));

        var inner = Assert.IsType<AlbLabException>(ex.InnerException);
        Assert.Contains("Rollback abandoned", inner.Message, StringComparison.Ordinal);
        Assert.Empty(inner.Removed);
        Assert.Contains(inner.Created, r => r.Kind == LabResourceKind.Listener);
        Assert.NotEmpty(cloud.GetInventory().Listeners);
        await lab.DestroyAsync();
        Assert.True(cloud.GetInventory().IsEmpty, cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task AbandonRollback_BeforeAStart_DoesNotAffectItsRollback()
    {
        await using var cloud = await Cloud.StartAsync();
        cloud.Faults.FailNext("CreateListener", 10, "InvalidConfigurationRequest", 400, "injected");
        await using var lab = AlbLab.Create("not-abandoned").WithInstances(2).WithLocalCloud(cloud).Build();
        lab.AbandonRollback();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.DoesNotContain("Rollback abandoned", ex.Message, StringComparison.Ordinal);
        Assert.Empty(ex.Created.Except(ex.Removed));
        Assert.True(cloud.GetInventory().IsEmpty, cloud.GetInventory().ToString());
    }

    private sealed class SyncProgress(Action<LabEvent> report) : IProgress<LabEvent>
    {
        public void Report(LabEvent value) => report(value);
    }
}
