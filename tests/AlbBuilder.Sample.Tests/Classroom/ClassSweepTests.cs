using AlbBuilder.LocalCloud;
using AlbBuilder.Sample.Commands;
using Emulator = AlbBuilder.LocalCloud.LocalCloud;

namespace AlbBuilder.Sample.Tests.Classroom;

/// <summary>
/// <c>sweep --class</c>. A class that outlives its command needs a cloud that outlives it too: a LocalCloud endpoint
/// in the test's process (<c>--endpoint</c>, as a LocalCloud server), shared by the runs.
/// </summary>
public sealed class ClassSweepTests
{
    [Fact]
    public async Task SweepClass_RemovesThatClassesLabsOnly()
    {
        await using var cloud = await Emulator.StartAsync(new LocalCloudOptions { PublishDataPlane = true });
        string[] endpoint = ["--endpoint", cloud.ServiceUrl.ToString(), "--region", cloud.Region];

        var physics = await SampleRun.RunAsync(["classroom", "--keep", "--name", "physics", "--labs", "2", .. endpoint]);
        var chemistry = await SampleRun.RunAsync(["classroom", "--keep", "--name", "chemistry", "--labs", "1", .. endpoint]);
        Assert.True(physics.ExitCode == ExitCodes.Success, physics.Output);
        Assert.True(chemistry.ExitCode == ExitCodes.Success, chemistry.Output);
        Assert.Contains("The class stays until sweep --class physics --endpoint", physics.Output);
        Assert.Equal(["chemistry-learner-01", "physics-learner-01", "physics-learner-02"], await LabNamesAsync(cloud));

        var sweep = await SampleRun.RunAsync(["sweep", "--class", "physics", .. endpoint]);

        Assert.True(sweep.ExitCode == ExitCodes.Success, sweep.Output);
        Assert.Contains("✔ swept physics-learner-01 (learner learner-01)", sweep.Output);
        Assert.Contains("✔ swept physics-learner-02 (learner learner-02)", sweep.Output);
        Assert.DoesNotContain("chemistry", sweep.Output);
        Assert.EndsWith("✔ nothing left: a sweep by class finds no resource tagged albbuilder:class=physics.", sweep.Output.TrimEnd());
        Assert.Equal(["chemistry-learner-01"], await LabNamesAsync(cloud));

        // Sweeping again finds nothing and succeeds; the other class goes the same way.
        var again = await SampleRun.RunAsync(["sweep", "--class", "physics", .. endpoint]);
        var other = await SampleRun.RunAsync(["sweep", "--class", "chemistry", .. endpoint]);
        Assert.True(again.ExitCode == ExitCodes.Success, again.Output);
        Assert.Contains("No lab of class physics was found.", again.Output);
        Assert.True(other.ExitCode == ExitCodes.Success, other.Output);
        Assert.True(cloud.GetInventory().IsEmpty, cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task SecondCtrlC_DuringAClassRollback_LeavesTheRestTagged_AndThePrintedSweepRemovesIt()
    {
        await using var cloud = await Emulator.StartAsync(new LocalCloudOptions { PublishDataPlane = true });
        string[] endpoint = ["--endpoint", cloud.ServiceUrl.ToString(), "--region", cloud.Region];
        using var cancellation = new CancellationTokenSource();
        using var abandon = new CancellationTokenSource();

        var run = await SampleRun.RunAsync(
            ["classroom", "--name", "halt", "--labs", "3", .. endpoint],
            cancellation.Token,
            text =>
            {
                if (!cancellation.IsCancellationRequested && text.Contains("Serving", StringComparison.Ordinal))
                {
                    cancellation.Cancel(); // the first Ctrl+C, once a lab serves: the class rolls back
                }
                else if (cancellation.IsCancellationRequested && !abandon.IsCancellationRequested && text.Contains("Destroying", StringComparison.Ordinal))
                {
                    abandon.Cancel(); // the second, as the serving lab's teardown begins (reported synchronously)
                }
            },
            abandon.Token);

        Assert.True(run.ExitCode == ExitCodes.Cancelled, run.Output);
        Assert.True(abandon.IsCancellationRequested, run.Output);
        Assert.Contains("Rollback abandoned (second Ctrl+C): what is left keeps its tags, albbuilder:class=halt.", run.Output);
        var sweepLine = run.Output[(run.Output.IndexOf("Remove what is left with: ", StringComparison.Ordinal) + "Remove what is left with: ".Length)..].Split('\n')[0].Trim();
        Assert.StartsWith("sweep --class halt --endpoint " + cloud.ServiceUrl, sweepLine);
        Assert.NotEmpty(await LabNamesAsync(cloud));

        var sweep = await SampleRun.RunAsync(sweepLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.True(sweep.ExitCode == ExitCodes.Success, sweep.Output);
        Assert.Contains("✔ swept halt-learner-0", sweep.Output);
        Assert.True(cloud.GetInventory().IsEmpty, cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task SweepClass_OnLocalCloudInProcess_StartsAClassAndSweepsIt()
    {
        var run = await SampleRun.RunAsync(["sweep", "--class", "physics", .. SampleRun.Fast]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        Assert.Contains("starts a class of 2 labs here first", run.Output);
        Assert.Contains("✔ swept physics-learner-01", run.Output);
        Assert.Contains("✔ swept physics-learner-02", run.Output);
        Assert.StartsWith("✔ nothing left: LocalCloud's inventory is empty", run.Output.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public async Task SweepClass_WithAnInvalidName_IsAUsageError()
    {
        var run = await SampleRun.RunAsync(["sweep", "--class", "bad_name", .. SampleRun.Fast]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--class = 'bad_name'", run.Output);
        Assert.DoesNotContain("Cloud:", run.Output);
    }

    [Fact]
    public async Task Sweep_WithoutClass_StillSweepsExpiredLabs()
    {
        var run = await SampleRun.RunAsync(["sweep", "--name", "stale", .. SampleRun.Fast]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        Assert.Contains("swept stale", run.Output);
        Assert.DoesNotContain("albbuilder:class", run.Output);
    }

    private static async Task<string[]> LabNamesAsync(Emulator cloud)
    {
        using var ec2 = cloud.CreateEc2Client();
        using var elb = cloud.CreateElasticLoadBalancingV2Client();
        var labs = await AlbLabDirectory.ListAsync(ec2, elb);
        return [.. labs.Select(l => l.Name).Order(StringComparer.Ordinal)];
    }
}
