using AlbBuilder.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AlbBuilder.Reliability.Tests.Resume;

/// <summary>
/// Crash and resume at every step boundary of the lab's own plan: the start is cancelled right after step X
/// completes, with clean-up off so what exists stays; a new lab object with the same name (as a new process would
/// build) adopts it and completes with no duplicates; then a fresh lab object destroys everything.
/// </summary>
public sealed class CrashResumeTests(ITestOutputHelper output)
{
    private const int Instances = 4;

    private static AlbLabBuilder Configure(CloudRig rig) => rig.Lab("resume").WithInstances(Instances);

    [Fact]
    public async Task CancelAfterEveryStep_NewLabObjectAdoptsAndCompletes_FreshObjectDestroysEverything()
    {
        var steps = await RecordStepsAsync();
        output.WriteLine($"Step boundaries: {string.Join(", ", steps)}");
        Assert.Contains("CreateLoadBalancer", steps);
        Assert.Contains("RegisterTargets", steps);

        var results = await Bounded.RunAsync(steps.Select((s, i) => (Step: s, Attach: i % 2 == 0)).ToList(), c => ResumeAfterAsync(c.Step, c.Attach));
        foreach (var (step, problem) in results)
        {
            output.WriteLine($"{(problem is null ? "PASS" : "FAIL")} cancel after {step}{(problem is null ? string.Empty : ": " + problem)}");
        }

        var passed = results.Count(r => r.Problem is null);
        output.WriteLine($"CRASH/RESUME: {results.Count} step boundaries, {passed} passed (adopted without duplicates, destroyed from a fresh object)");
        Assert.True(passed == results.Count, string.Join(Environment.NewLine, results.Where(r => r.Problem is not null).Select(r => $"{r.Step}: {r.Problem}")));
    }

    /// <summary>The steps of a start, in the order they first completed.</summary>
    private static async Task<IReadOnlyList<string>> RecordStepsAsync()
    {
        await using var rig = await CloudRig.StartAsync();
        var events = new EventLog();
        var lab = Configure(rig).Build();
        await lab.StartAsync(events);
        await lab.DestroyAsync();
        return [.. events.Events.Where(e => e.Kind == LabEventKind.Completed).Select(e => e.Step.ToString()).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The inventory once it stopped changing (three equal looks 50 ms apart, at most 3 s).</summary>
    private static async Task<InventoryCounts> SettledAsync(CloudRig rig)
    {
        var last = InventoryCounts.Of(rig.Inventory);
        for (int stable = 0, i = 0; stable < 3 && i < 60; i++)
        {
            await Task.Delay(50);
            var now = InventoryCounts.Of(rig.Inventory);
            stable = now == last ? stable + 1 : 0;
            last = now;
        }

        return last;
    }

    private static async Task<(string Step, string? Problem)> ResumeAfterAsync(string step, bool attachThenDestroy)
    {
        await using var rig = await CloudRig.StartAsync();
        using var crash = new CancellationTokenSource();
        var events = new EventLog
        {
            OnEvent = e =>
            {
                if (e.Kind == LabEventKind.Completed && e.Step.ToString() == step)
                {
                    crash.Cancel();
                }
            },
        };

        var first = Configure(rig).WithCleanUp(false).Build();
        try
        {
            await first.StartAsync(events, crash.Token);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            return (step, $"the cancelled start threw {ex.GetType().Name}: {ex.Message}");
        }

        // A new process comes later: let the crashed one's in-flight calls (cancelled client-side, still served by
        // LocalCloud) land first. Before the first create the crash leaves nothing and the resume is a fresh start.
        var leftByCrash = await SettledAsync(rig);

        // A new process: a new lab object with the same name adopts and completes.
        var second = Configure(rig).Build();
        try
        {
            await second.StartAsync();
        }
        catch (Exception ex)
        {
            return (step, $"the resuming start threw {ex.GetType().Name}: {ex.Message}");
        }

        var counts = InventoryCounts.Of(rig.Inventory);
        if (counts != InventoryCounts.Lab(Instances))
        {
            return (step, $"after resuming: {counts} (crash left {leftByCrash})");
        }

        var status = await second.GetStatusAsync();
        if (!status.IsServing)
        {
            return (step, "the resumed lab does not serve");
        }

        var names = string.Join(",", status.Instances.Select(i => i.Name));
        if (names != "resume-1,resume-2,resume-3,resume-4")
        {
            return (step, "instance names after resuming: " + names);
        }

        // Yet another process destroys it.
        var third = rig.Lab("resume").Build();
        if (attachThenDestroy && !await third.AttachAsync())
        {
            return (step, "AttachAsync found nothing");
        }

        await third.DestroyAsync();
        return rig.Inventory.IsEmpty ? (step, null) : (step, "after destroy: " + rig.Inventory);
    }
}
