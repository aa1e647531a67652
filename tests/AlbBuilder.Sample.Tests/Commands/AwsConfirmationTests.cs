namespace AlbBuilder.Sample.Tests.Commands;

/// <summary>Only the refusal path: it stops before any AWS client exists, so nothing here can reach AWS.</summary>
public sealed class AwsConfirmationTests
{
    [Fact]
    public async Task UpOnAws_WithoutATerminalOrYes_ShowsWhatAndCostThenRefuses()
    {
        var run = await SampleRun.RunAsync(["up", "--aws", "--region", "us-east-1", "--instances", "2"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("This will create in AWS us-east-1", run.Output);
        Assert.Contains("2 × t3.micro at $0.0104/h", run.Output);
        Assert.Contains("Application Load Balancer at $0.0225/h", run.Output);
        Assert.Contains("0.0713", run.Output); // 2 × 0.0104 + 0.0225 + 0.008 + 4 × 0.005
        Assert.Contains("as of 2026-11-25", run.Output);
        Assert.Contains("Refusing", run.Output);
        Assert.Contains("Nothing was created.", run.Output);
        Assert.DoesNotContain("Cloud:", run.Output);
    }
}
