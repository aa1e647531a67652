using AlbBuilder.Sample.Cloud;
using AlbBuilder.Sample.Commands;
using Spectre.Console;

namespace AlbBuilder.Sample.Tests.Commands;

/// <summary>
/// The second Ctrl+C: a start that is rolling back abandons its rollback (<see cref="IAlbLab.AbandonRollback"/>), and
/// the sample says what is left and which <c>sweep</c> removes it.
/// </summary>
public sealed class SecondCtrlCTests
{
    [Fact]
    public async Task SecondCtrlC_WhileAStartRollsBack_AbandonsTheRollbackNamesSweepAndExits130()
    {
        using var cancellation = new CancellationTokenSource();
        using var abandon = new CancellationTokenSource();
        var run = await SampleRun.RunAsync(["up", "--name", "twice", .. SampleRun.Fast], cancellation.Token, text =>
        {
            if (!cancellation.IsCancellationRequested && text.Contains("CreateListener", StringComparison.Ordinal))
            {
                cancellation.Cancel(); // the first Ctrl+C, once the listener exists: the start rolls back
            }
            else if (cancellation.IsCancellationRequested && !abandon.IsCancellationRequested && text.Contains('−'))
            {
                abandon.Cancel(); // the second, at the rollback's first removal (reported synchronously)
            }
        }, abandon.Token);

        var text = run.Output;
        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.True(abandon.IsCancellationRequested, text);
        Assert.Contains("Rollback Abandoned; left:", text, StringComparison.Ordinal); // the lab's own event: AbandonRollback was taken
        var report = text[text.IndexOf("Rollback abandoned (second Ctrl+C)", StringComparison.Ordinal)..];
        Assert.Contains("tagged albbuilder:lab=twice: ", report, StringComparison.Ordinal);
        Assert.Contains("load balancer", report, StringComparison.Ordinal);
        Assert.Contains("its state, these resources included, ends with it, so there is nothing to sweep.", report, StringComparison.Ordinal);
        Assert.DoesNotContain("has rolled back what it created", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstCtrlC_Only_RollsBackEverything()
    {
        using var cancellation = new CancellationTokenSource();
        using var abandon = new CancellationTokenSource();
        var run = await SampleRun.RunAsync(
            ["up", "--name", "once", .. SampleRun.Fast],
            cancellation.Token,
            text =>
            {
                if (text.Contains("CreateListener", StringComparison.Ordinal))
                {
                    cancellation.Cancel();
                }
            },
            abandon.Token);

        var text = run.Output;
        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Contains("has rolled back what it created", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Rollback abandoned", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "eu-west-1", "lab", "sweep --aws --region eu-west-1 --profile lab")]
    [InlineData(true, null, null, "sweep --aws")]
    [InlineData(false, "eu-west-1", null, "sweep")]
    public void CommandLine_CarriesTheCloudFlags(bool aws, string? region, string? profile, string expected) =>
        Assert.Equal(expected, SweepCommand.CommandLine(new CloudSettings(aws, region, profile, Yes: false, Speed: 1, Instant: false)));

    [Fact]
    public void PrintLeftovers_OnAws_PrintsTheSweepAndDownCommandsWithTheSameFlags()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 240;
        var left = LabResourceSet.From([new LabResource(LabResourceKind.LoadBalancer, "arn:lb"), new LabResource(LabResourceKind.Instance, "i-1")]);

        SweepCommand.PrintLeftovers(
            console,
            new CloudSettings(Aws: true, Region: "eu-west-1", Profile: "lab", Yes: false, Speed: 1, Instant: false),
            new LabSettings("demo", 2, TimeSpan.FromHours(4)),
            left);

        Assert.Contains("tagged albbuilder:lab=demo: load balancer arn:lb, instance i-1", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("expire 4 h after the start", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Remove them then with: sweep --aws --region eu-west-1 --profile lab", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("or now with: down --name demo --aws --region eu-west-1 --profile lab", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("LocalCloud", output.ToString(), StringComparison.Ordinal);
    }
}
