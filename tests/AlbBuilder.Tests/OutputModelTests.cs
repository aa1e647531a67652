using System.Reflection;
using AlbBuilder.Waiters;

namespace AlbBuilder.Tests;

/// <summary>The rule of docs/api.md: what users build has <c>init</c> setters; what the lab gives back is read-only.</summary>
public sealed class OutputModelTests
{
    /// <summary>The types users build (inputs); every other public type is an output.</summary>
    private static readonly HashSet<Type> _inputs =
        [typeof(TrafficOptions), typeof(DrillOptions), typeof(HealthCheckSettings), typeof(LabTimeouts), typeof(AlbBuilderOptions), typeof(WaiterOptions)];

    [Fact]
    public void PublicTypes_OnlyInputsHavePublicSetters()
    {
        var settable = typeof(IAlbLab).Assembly.GetExportedTypes()
            .Where(t => !_inputs.Contains(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();

        Assert.Empty(settable);
        Assert.All(_inputs, t => Assert.Contains(t.GetProperties(), p => p.SetMethod is { IsPublic: true }));
    }

    [Fact]
    public void Events_AreClassesWithoutValueEquality()
    {
        Assert.All(
            new[] { typeof(LabEvent), typeof(DrillEvent), typeof(WaiterProgress) },
            t => Assert.Null(t.GetMethod("<Clone>$")));
        var at = DateTimeOffset.UnixEpoch;
        Assert.NotEqual(new LabEvent(at, LabStep.Start, LabEventKind.Started, "x"), new LabEvent(at, LabStep.Start, LabEventKind.Started, "x"));
        Assert.Equal("00:00:00.000 Start Started: x", new LabEvent(at, LabStep.Start, LabEventKind.Started, "x").ToString());
        Assert.Equal(
            "InstanceRunning #2 (Retry): i-1: pending",
            new WaiterProgress("InstanceRunning", 2, TimeSpan.FromSeconds(15), WaiterState.Retry, [new ObservedState("i-1", "pending")], TimeSpan.FromSeconds(15)).ToString());
    }

    [Fact]
    public void DrillReport_PublicConstructor_BuildsAReportForMocks()
    {
        var report = new DrillReport(
            "i-1",
            "demo-1",
            ["demo-2"],
            [new DrillEvent(DateTimeOffset.UnixEpoch, DrillStep.StopInstance, LabEventKind.Completed, "stopped")],
            baselineTraffic: null,
            survivorTraffic: null,
            restoredTraffic: null,
            TimeSpan.FromSeconds(20),
            transitionFailures: 3,
            stoppedServedAfterWindow: 0,
            failedAfterWindow: 0,
            baselineAllServed: true,
            onlySurvivorServed: true,
            allServeAgain: true);

        Assert.True(report.Succeeded);
        Assert.Equal(("i-1", "demo-1", 3), (report.InstanceId, report.InstanceName, report.TransitionFailures));
        Assert.Equal(["demo-2"], report.Survivors);
        Assert.Contains("stopped demo-1 (i-1), survivors demo-2", report.Summary, StringComparison.Ordinal);
        Assert.False(new DrillReport("i-1", null, [], [], null, null, null, TimeSpan.Zero, 0, 0, 0, true, true, true, DrillStep.Restore).Succeeded);
    }
}
