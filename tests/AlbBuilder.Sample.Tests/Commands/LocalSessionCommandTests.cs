namespace AlbBuilder.Sample.Tests.Commands;

/// <summary>Commands that need an existing lab start one first on LocalCloud, do their part, and leave nothing.</summary>
public sealed class LocalSessionCommandTests
{
    [Fact]
    public async Task Sweep_OnLocalCloud_DestroysTheExpiredLab()
    {
        var run = await SampleRun.RunAsync(["sweep", "--name", "stale", .. SampleRun.Fast]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("(expired)", run.Section("── list", "── sweep"));
        Assert.Contains("swept stale", run.Output);
        Assert.Contains("nothing left", run.Output);
    }

    [Fact]
    public async Task Status_OnLocalCloud_ShowsHealthyTargetsThenRemovesTheLab()
    {
        var run = await SampleRun.RunAsync(["status", "--name", "peek", .. SampleRun.Fast]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("starts a lab here first", run.Output);
        var status = run.Section("── status", "── down");
        Assert.Contains("peek-1", status);
        Assert.Contains("peek-2", status);
        Assert.Contains("Serving:", status);
        Assert.Contains("nothing left", run.Output);
    }

    [Fact]
    public async Task CtrlC_DuringUp_RollsBackAndExits130()
    {
        using var cancellation = new CancellationTokenSource();
        var run = await SampleRun.RunAsync(
            ["up", "--name", "halt", .. SampleRun.Fast],
            cancellation.Token,
            text =>
            {
                if (text.Contains("CreateLoadBalancer", StringComparison.Ordinal))
                {
                    cancellation.Cancel();
                }
            });

        Assert.Equal(130, run.ExitCode);
        Assert.Contains("Rolled back", run.Output);
        Assert.Contains("Cancelled.", run.Output);
    }
}
