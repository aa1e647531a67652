using AlbBuilder.LocalCloud;
using AlbBuilder.Sample.Commands;
using Emulator = AlbBuilder.LocalCloud.LocalCloud;

namespace AlbBuilder.Sample.Tests.Classroom;

/// <summary><c>classroom</c> on LocalCloud in-process: K labs started, checked and torn down, ending with the nothing-left check.</summary>
public sealed class ClassroomCommandTests
{
    [Fact]
    public async Task TenLabs_ServeVerifyAndGo_AndTheOutputEndsWithTheNothingLeftCheck()
    {
        var run = await SampleRun.RunAsync(["classroom", "--labs", "10", .. SampleRun.Fast]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        Assert.Contains("10 labs of 2 instance(s): 10 served · verified 10 · destroyed 10", run.Output);
        Assert.Contains("✔ no lab failed", run.Output);
        for (var i = 1; i <= 10; i++)
        {
            // One line per change of state (no terminal): each learner served with its URL and both targets healthy.
            Assert.Matches($@"learner-{i:00}\s+Serving \(2/2 targets healthy\) http://class-[0-9a-f]{{6}}-learner-{i:00}-alb-", run.Output);
        }

        var lastLine = run.Output.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("✔ nothing left: LocalCloud's inventory is empty", lastLine);
    }

    [Fact]
    public async Task Learners_FromAFile_NameTheLabs_SkippingBlankLinesAndComments()
    {
        using var file = new LearnersFile("# physics, first row", "ada", "", "  alan  ", "# absent today: bob", "grace");

        var run = await SampleRun.RunAsync(["classroom", "--name", "physics", "--learners", file.Path, .. SampleRun.Fast]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        Assert.Contains("class physics: 3 labs of 2 instance(s)", run.Output);
        foreach (var learner in new[] { "ada", "alan", "grace" })
        {
            Assert.Contains($"http://physics-{learner}-alb-", run.Output);
        }

        Assert.DoesNotContain("bob", run.Output.Replace("# absent today: bob", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain("learner-01", run.Output);
        Assert.DoesNotContain("generated", run.Output);
        Assert.EndsWith("load balancer, target group or listener).", run.Output.TrimEnd());
    }

    [Fact]
    public async Task OneLabFailing_IsReportedWithItsReason_TheOthersServe_AndTheExitCodeIsOne()
    {
        // The cloud's faults are reachable only from here: a LocalCloud endpoint in the test's process.
        await using var cloud = await Emulator.StartAsync(new LocalCloudOptions { PublishDataPlane = true });
        cloud.Faults.FailNext("CreateLoadBalancer", count: 1, "TooManyLoadBalancers", message: "The quota for the number of load balancers has been reached.");

        var run = await SampleRun.RunAsync(["classroom", "--name", "physics", "--labs", "3", "--endpoint", cloud.ServiceUrl.ToString(), "--region", cloud.Region]);

        Assert.True(run.ExitCode == ExitCodes.Failure, run.Output);
        Assert.Contains("3 labs of 2 instance(s): 2 served · verified 2 · destroyed 3", run.Output);
        Assert.Matches(@"✘ learner-0\d \(start\): .*load balancers", run.Output);
        Assert.EndsWith("✔ nothing left: a sweep by class finds no resource tagged albbuilder:class=physics.", run.Output.TrimEnd());
        Assert.True(cloud.GetInventory().IsEmpty, cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task CtrlC_DuringTheStart_RollsEveryLabBackAndExits130()
    {
        using var cancellation = new CancellationTokenSource();
        var run = await SampleRun.RunAsync(
            ["classroom", "--name", "halt", "--labs", "4", .. SampleRun.Fast],
            cancellation.Token,
            text =>
            {
                if (text.Contains("Serving", StringComparison.Ordinal))
                {
                    cancellation.Cancel(); // the first lab serves; the others are starting
                }
            });

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Contains("Cancelled.", run.Output);
        Assert.Matches(@"Rolled back [1-4] lab\(s\) that had started: halt-learner-0\d", run.Output);

        // In this process the inventory tells for certain; elsewhere the sample prints the sweep to run.
        Assert.True(
            run.Output.Contains("✔ nothing left", StringComparison.Ordinal) || run.Output.Contains("sweep --class halt", StringComparison.Ordinal),
            run.Output);
        Assert.DoesNotContain("summary", run.Output);
    }

    [Fact]
    public async Task OnAws_WithoutATerminalOrYes_ShowsTheCostOfEveryLabThenRefuses()
    {
        var run = await SampleRun.RunAsync(["classroom", "--aws", "--region", "us-east-1", "--name", "physics", "--labs", "30"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("This will create in AWS us-east-1 30 labs, each with:", run.Output);
        Assert.Contains("albbuilder:class=physics", run.Output);
        Assert.Contains("0.0713", run.Output);                 // one lab of two instances
        Assert.Contains("total for 30 labs", run.Output);
        Assert.Contains("2.1390", run.Output);                 // 30 × 0.0713
        Assert.Contains("Nothing was created.", run.Output);
        Assert.DoesNotContain("Cloud:", run.Output);
    }
}
