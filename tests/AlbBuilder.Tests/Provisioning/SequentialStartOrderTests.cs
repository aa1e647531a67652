using AlbBuilder.Benchmarks;
using AlbBuilder.LocalCloud;
using AlbBuilder.Provisioning;
using Cloud = AlbBuilder.LocalCloud.LocalCloud;

namespace AlbBuilder.Tests.Provisioning;

/// <summary>
/// The benchmark's sequential baseline (<see cref="SequentialStartOrder"/>, plugged in through the library's one seam,
/// <see cref="ILabStartOrder"/>): the same calls as the dependency graph, one step after another, so the benchmark's
/// ratio measures the overlap and nothing else. On LocalCloud's Instant profile.
/// </summary>
public sealed class SequentialStartOrderTests
{
    [Fact]
    public async Task StartAsync_SequentialOrder_MakesTheSameChangesAsTheGraph()
    {
        var graph = await ChangesAsync(LabStartGraph.Instance);
        var sequential = await ChangesAsync(new SequentialStartOrder());

        // Describe calls are lookups and waiter polls (their number depends on timing); every change must match.
        Assert.Equal(graph, sequential);
        Assert.Equal(1, sequential["CreateLoadBalancer"]);
        Assert.Equal(1, sequential["CreateListener"]);
    }

    [Fact]
    public async Task StartAsync_SequentialOrder_CreatesTheLoadBalancerOnlyAfterInstancesRunAndTargetsAreRegistered()
    {
        await using var cloud = await Cloud.StartAsync();
        var events = new List<LabEvent>();
        await using var lab = Lab(cloud, new SequentialStartOrder(), directAccess: false);

        await lab.StartAsync(new SyncProgress(events));

        int At(LabStep step, LabEventKind kind) => events.FindIndex(e => e.Step == step && e.Kind == kind);
        Assert.True(At(LabStep.WaitInstancesRunning, LabEventKind.Completed) < At(LabStep.CreateTargetGroup, LabEventKind.Started));
        Assert.True(At(LabStep.RegisterTargets, LabEventKind.Completed) < At(LabStep.CreateLoadBalancer, LabEventKind.Started));
        Assert.True(At(LabStep.WaitLoadBalancerActive, LabEventKind.Completed) < At(LabStep.CreateListener, LabEventKind.Started));
        Assert.Equal(LabState.Running, lab.State);
    }

    [Fact]
    public async Task StartAsync_SequentialOrderWithDirectAccess_BrowsesEachInstancePageBeforeTheTargetGroup()
    {
        await using var cloud = await Cloud.StartAsync();
        await using var lab = Lab(cloud, new SequentialStartOrder(), directAccess: true);

        await lab.StartAsync();

        Assert.Equal(LabState.Running, lab.State);
        Assert.Equal(2, lab.Resources.InstanceIds.Count);
    }

    private static async Task<Dictionary<string, int>> ChangesAsync(ILabStartOrder order)
    {
        await using var cloud = await Cloud.StartAsync();
        await using var lab = Lab(cloud, order, directAccess: false);
        await lab.StartAsync();
        return cloud.Calls.ToDictionary()
            .Where(p => !p.Key.Contains(':', StringComparison.Ordinal) && !p.Key.StartsWith("Describe", StringComparison.Ordinal))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    private static AlbLabResource Lab(Cloud cloud, ILabStartOrder order, bool directAccess)
    {
        var builder = AlbLab.Create("baseline").WithInstances(2).WithUserData(UserData.HelloHttpd()).WithLocalCloud(cloud);
        if (directAccess)
        {
            builder = builder.WithDirectInstanceAccess("0.0.0.0/0");
        }

        return new AlbLabResource(builder.BuildDefinition(), builder.CreateServices(), order);
    }

    /// <summary>Records events in the order they happen (<see cref="Progress{T}"/> would post them).</summary>
    private sealed class SyncProgress(List<LabEvent> events) : IProgress<LabEvent>
    {
        public void Report(LabEvent value)
        {
            lock (events)
            {
                events.Add(value);
            }
        }
    }
}
