namespace AlbBuilder.Classroom.Tests.Scenarios;

/// <summary>Ctrl+C during a class start, on a real LocalCloud: every lab started or starting is rolled back.</summary>
public sealed class ClassroomCancellationTests
{
    [Fact]
    public async Task CancelWhileLabsAreBeingCreated_RollsEveryOneBack()
    {
        await using var env = await ClassroomCloud.StartAsync();
        await using var classroom = AlbClassroom.Create(env.Template()).WithName("cs").ForLearners("l{0}", 3).Build();
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(e =>
        {
            // The first instance launched: every lab is somewhere in its start, some with resources, some without.
            if (e.LabEvent is { Step: LabStep.RunInstances, Kind: LabEventKind.Completed })
            {
                cts.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => classroom.StartAsync(progress, cts.Token));

        Assert.True(env.Cloud.GetInventory().IsEmpty, env.Cloud.GetInventory().ToString());
        Assert.All(classroom.Labs, l => Assert.Equal(ClassroomLabState.Cancelled, progress.Events.Last(e => e.Learner == l.Learner).State));
        Assert.Empty((await AlbClassroom.SweepAsync(env.Template(), "cs")).Outcomes);
    }

    [Fact]
    public async Task CancelAfterTheFirstLabServes_TearsItDown_AndStartsNoQueuedLab()
    {
        await using var env = await ClassroomCloud.StartAsync();
        await using var classroom = AlbClassroom.Create(env.Template().WithInstances(1)).WithName("cs").ForLearners("l{0}", 3).WithMaxConcurrency(1).Build();
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(e =>
        {
            if (e.State == ClassroomLabState.Serving)
            {
                cts.Cancel();
            }
        });

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => classroom.StartAsync(progress, cts.Token));

        Assert.Contains("rolled back", ex.Message, StringComparison.Ordinal);
        Assert.True(env.Cloud.GetInventory().IsEmpty, env.Cloud.GetInventory().ToString());
        var states = progress.Events.Where(e => e.LabEvent is null).Select(e => (e.Learner, e.State)).ToList();
        Assert.Contains(("l1", ClassroomLabState.Destroyed), states);
        Assert.DoesNotContain(("l2", ClassroomLabState.Starting), states);
        Assert.DoesNotContain(("l3", ClassroomLabState.Starting), states);
        Assert.Equal(1, env.Cloud.Calls["CreateLoadBalancer"]);
    }
}
