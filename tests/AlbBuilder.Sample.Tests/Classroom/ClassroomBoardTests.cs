using AlbBuilder.Classroom;
using AlbBuilder.Sample.Rendering;

namespace AlbBuilder.Sample.Tests.Classroom;

/// <summary>The live table's rows, from the classroom's events.</summary>
public sealed class ClassroomBoardTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly Uri _url = new("http://physics-ada-alb-1.us-east-1.elb.localhost/");

    [Fact]
    public async Task Rows_FollowStatesSteps_AndTheHealthyTargetsTheWaiterSaw()
    {
        await using var ada = AlbLab.Create("physics-ada").Build();
        var board = new ClassroomBoard([new ClassroomLab("ada", ada)], instances: 2, _ => _url);

        Assert.NotNull(board.Apply(Event(ClassroomLabState.Starting)));
        Assert.Null(board.Apply(Event(ClassroomLabState.Starting, new LabEvent(
            _now, LabStep.WaitTargetsHealthy, LabEventKind.Progress, "TargetInService attempt 3: i-1: healthy, i-2: unhealthy (Target.FailedHealthChecks)"))));
        var waiting = Assert.Single(board.Rows);
        Assert.Equal(("WaitTargetsHealthy", 1, true), (waiting.Step, waiting.Healthy, waiting.Started));

        var serving = board.Apply(Event(ClassroomLabState.Serving));
        Assert.Equal((ClassroomLabState.Serving, null, 2, _url), (serving!.State, serving.Step, serving.Healthy, serving.Url));

        var destroyed = board.Apply(Event(ClassroomLabState.Destroyed));
        Assert.Equal((null, _url), (destroyed!.Healthy, destroyed.Url));
    }

    [Fact]
    public async Task AFailure_KeepsItsReason_AndALabFoundBySweepGetsARow()
    {
        await using var ada = AlbLab.Create("physics-ada").Build();
        var board = new ClassroomBoard([new ClassroomLab("ada", ada)], instances: 2, _ => null);

        board.Apply(Event(ClassroomLabState.Failed, error: new AlbLabException("RunInstances failed: InsufficientInstanceCapacity")));
        board.Apply(new ClassroomEvent(_now, "alan", "physics-alan", ClassroomLabState.Destroying));

        Assert.Equal(["ada", "alan"], board.Rows.Select(r => r.Learner));
        Assert.Equal("RunInstances failed: InsufficientInstanceCapacity", board.Rows[0].Error);
        Assert.False(board.Rows[0].Started);
        Assert.Equal(ClassroomLabState.Destroying, board.Rows[1].State);
    }

    private static ClassroomEvent Event(ClassroomLabState state, LabEvent? step = null, Exception? error = null) =>
        new(_now, "ada", "physics-ada", state, step, error);
}
