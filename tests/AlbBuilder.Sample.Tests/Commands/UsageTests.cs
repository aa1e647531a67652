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

    [Theory]
    [InlineData("needs at least 2 instances", "drill", "--instances", "1")]
    [InlineData("--instance 3 does not exist", "drill", "--instance", "3", "--instances", "2")]
    [InlineData("--aws and --endpoint exclude each other", "status", "--aws", "--endpoint", "http://127.0.0.1:4580")]
    public async Task FailedPrecondition_ExitsTwoBeforeStartingAnyCloud(string expected, params string[] args)
    {
        var run = await SampleRun.RunAsync([.. args, .. SampleRun.Fast]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Output);
        Assert.DoesNotContain("Cloud:", run.Output);
    }

    [Fact]
    public async Task EndpointThatIsNotHttp_IsAUsageError()
    {
        var run = await SampleRun.RunAsync(["status", "--endpoint", "ftp://example"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--endpoint must be an http URL", run.Output);
    }

    [Fact]
    public async Task EndpointWithNoServer_FailsWithAHint()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var run = await SampleRun.RunAsync(["status", "--endpoint", $"http://127.0.0.1:{port}"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Cloud: LocalCloud at http://127.0.0.1:{port}", run.Output);
        Assert.Contains("did not answer", run.Output);
        Assert.Contains("AlbBuilder.LocalCloud.Server", run.Output);
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
        foreach (var command in new[] { "demo", "up", "status", "verify", "drill", "down", "plan", "list", "sweep", "classroom", "--aws", "--yes" })
        {
            Assert.Contains(command, run.Output);
        }

        Assert.DoesNotContain("--instant", run.Output);
    }
}
