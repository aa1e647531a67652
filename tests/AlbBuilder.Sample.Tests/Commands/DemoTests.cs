namespace AlbBuilder.Sample.Tests.Commands;

public sealed class DemoTests
{
    [Fact]
    public async Task NoCommand_OnInstantLocalCloud_RunsTheWholeDemoAndLeavesNothing()
    {
        var run = await SampleRun.RunAsync(SampleRun.Fast);

        Assert.True(run.ExitCode == 0, run.Output);
        var traffic = run.Section("Traffic split", "── drill");
        Assert.Contains("demo-1 (ip-", traffic);
        Assert.Contains("demo-2 (ip-", traffic);
        Assert.Contains("30/30 succeeded", traffic);
        Assert.Contains("only the survivor served", run.Output);
        Assert.Contains("both serve again", run.Output);
        Assert.Contains("nothing left", run.Output);
        Assert.Contains("demo succeeded", run.Output);
        Assert.DoesNotContain("FAILED", run.Output);
    }

    [Fact]
    public async Task Demo_ThreeInstancesAndAnotherName_NamesEveryInstanceAndTheSurvivors()
    {
        var run = await SampleRun.RunAsync(["demo", "--name", "trio", "--instances", "3", .. SampleRun.Fast]);

        Assert.True(run.ExitCode == 0, run.Output);
        var traffic = run.Section("Traffic split", "── drill");
        Assert.Contains("trio-1 (ip-", traffic);
        Assert.Contains("trio-2 (ip-", traffic);
        Assert.Contains("trio-3 (ip-", traffic);
        Assert.Contains("only the survivors served (trio-2, trio-3)", run.Output);
        Assert.Contains("all serve again", run.Output);
        Assert.Contains("nothing left", run.Output);
    }
}
