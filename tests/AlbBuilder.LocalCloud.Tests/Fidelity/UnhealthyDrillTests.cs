using Xunit.Abstractions;

namespace AlbBuilder.LocalCloud.Tests.Fidelity;

/// <summary>The unhealthy drill kind on LocalCloud, with its data-plane faults as the make-unhealthy / recover actions.</summary>
public sealed class UnhealthyDrillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task UnhealthyDrill_WithDataPlaneFaults_TargetTurnsUnhealthyTrafficMovesAndItRecovers()
    {
        await using var cloud = await LocalCloud.StartAsync();
        var lab = AlbLab.Create("unhealthy").WithInstances(2).WithLocalCloud(cloud).Build();
        await lab.StartAsync();

        var drill = await lab.RunFailoverDrillAsync(new DrillOptions
        {
            Kind = DrillKind.Unhealthy,
            MakeUnhealthy = cloud.DataPlaneFaults.StopWebServerAsync,
            Recover = cloud.DataPlaneFaults.ClearAsync,
            TransitionSampling = TimeSpan.FromMilliseconds(50),
        });
        output.WriteLine(drill.Summary);
        var status = await lab.GetStatusAsync();
        await lab.DestroyAsync();

        Assert.True(drill.Succeeded, drill.Summary);
        Assert.Equal(DrillKind.Unhealthy, drill.Kind);
        Assert.NotNull(drill.UnhealthyAt);
        Assert.NotNull(drill.TrafficStoppedAt);
        Assert.NotNull(drill.RecoveredAt);
        Assert.True(drill.UnhealthyAt <= drill.TrafficStoppedAt && drill.TrafficStoppedAt <= drill.RecoveredAt, drill.Summary);
        Assert.Equal(0, cloud.Calls["StopInstances"]);
        Assert.All(status.Instances, i => Assert.Equal("running", i.State?.Value));
    }
}
