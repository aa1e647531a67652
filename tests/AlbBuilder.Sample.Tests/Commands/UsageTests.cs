namespace AlbBuilder.Sample.Tests.Commands;

public sealed class UsageTests
{
    [Theory]
    [InlineData("frobnicate")]
    [InlineData("--instances", "many")]
    [InlineData("verify", "--requests", "0")]
    [InlineData("drill", "--instance", "0")]
    [InlineData("--speed", "0")]
    [InlineData("up", "--no-such-option")]
    public async Task BadArguments_ExitTwoWithUsage(params string[] args)
    {
        var run = await SampleRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage:", run.Output);
    }

    [Fact]
    public async Task BadSubcommandOption_ShowsThatCommandsUsage()
    {
        var run = await SampleRun.RunAsync(["verify", "--requests", "-3"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--requests must be 1–10000.", run.Output);
        Assert.Contains("verify [options]", run.Output);
    }

    [Fact]
    public async Task InvalidLabName_ExitsTwoBeforeStartingAnyCloud()
    {
        var run = await SampleRun.RunAsync(["up", "--name", "my_lab", .. SampleRun.Fast]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Create(name) = 'my_lab'", run.Output);
        Assert.DoesNotContain("Cloud:", run.Output);
    }

    [Fact]
    public async Task Help_ListsEveryCommandAndExitsZero()
    {
        var run = await SampleRun.RunAsync(["--help"]);

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "demo", "up", "status", "verify", "drill", "down", "plan", "list", "sweep", "--aws", "--yes" })
        {
            Assert.Contains(command, run.Output);
        }

        Assert.DoesNotContain("--instant", run.Output);
    }
}
