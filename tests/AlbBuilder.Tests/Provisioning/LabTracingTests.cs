using AlbBuilder.LocalCloud;
using System.Diagnostics;
using Cloud = AlbBuilder.LocalCloud.LocalCloud;

namespace AlbBuilder.Tests.Provisioning;

/// <summary>
/// The <c>AlbBuilder</c> activity source: one activity per step of start, teardown and drill, children of the
/// operation's own activity, with resource ids and the outcome as tags and never the user data. On LocalCloud.
/// </summary>
public sealed class LabTracingTests
{
    private const string Secret = "s3cr3t-user-data-marker";

    [Fact]
    public async Task StartDrillDestroy_EachStepIsAChildActivityOfItsOperation()
    {
        const string name = "tracing";
        var stopped = new List<Activity>();
        using var listener = Listen(name, stopped);
        await using var cloud = await Cloud.StartAsync();
        await using var lab = AlbLab.Create(name).WithInstances(2).WithUserData(UserData.HelloHttpd() + "\n# " + Secret).WithLocalCloud(cloud).Build();

        await lab.StartAsync();
        var drill = await lab.RunFailoverDrillAsync();
        var resources = lab.Resources;
        await lab.DestroyAsync();

        Assert.True(drill.Succeeded, drill.Summary);
        List<Activity> activities;
        lock (stopped)
        {
            activities = [.. stopped];
        }

        var start = Assert.Single(activities, a => a.OperationName == "Start");
        Assert.Null(start.Parent);
        Assert.Equal("completed", start.GetTagItem("albbuilder.outcome"));
        var startSteps = ChildrenOf(start, activities);
        foreach (var step in new[] { LabStep.FindExistingLab, LabStep.DiscoverNetwork, LabStep.CreateLoadBalancerSecurityGroup, LabStep.CreateTargetGroup, LabStep.CreateLoadBalancer, LabStep.RunInstances, LabStep.WaitInstancesRunning, LabStep.RegisterTargets, LabStep.CreateListener, LabStep.WaitLoadBalancerActive, LabStep.WaitTargetsHealthy })
        {
            // RunInstances: one per Availability Zone.
            var ofStep = startSteps.Where(a => a.OperationName == step.ToString()).ToList();
            Assert.NotEmpty(ofStep);
            Assert.All(ofStep, a => Assert.Equal("completed", a.GetTagItem("albbuilder.outcome")));
            Assert.All(ofStep, a => Assert.Equal(step.ToString(), a.GetTagItem("albbuilder.step")));
        }

        var createTargetGroup = startSteps.Single(a => a.OperationName == nameof(LabStep.CreateTargetGroup));
        Assert.Equal(nameof(LabResourceKind.TargetGroup), createTargetGroup.GetTagItem("albbuilder.resource.kind"));
        Assert.Equal(resources.TargetGroupArn, createTargetGroup.GetTagItem("albbuilder.resource.id"));
        Assert.Equal(resources.LoadBalancerArn, startSteps.Single(a => a.OperationName == nameof(LabStep.CreateLoadBalancer)).GetTagItem("albbuilder.resource.id"));

        var drillActivity = Assert.Single(activities, a => a.OperationName == "Drill");
        Assert.Null(drillActivity.Parent);
        var drillWaits = ChildrenOf(drillActivity, activities).Select(a => a.OperationName).ToList();
        Assert.Contains("WaitInstanceStopped", drillWaits);
        Assert.Contains(nameof(LabStep.WaitTargetsHealthy), drillWaits);

        var teardown = Assert.Single(activities, a => a.OperationName == nameof(LabStep.Teardown));
        Assert.Null(teardown.Parent);
        var deletes = ChildrenOf(teardown, activities);
        Assert.Equal(
            [nameof(LabStep.DeleteListener), nameof(LabStep.DeleteLoadBalancer), nameof(LabStep.DeleteSecurityGroup), nameof(LabStep.DeleteSecurityGroup), nameof(LabStep.DeleteTargetGroup), nameof(LabStep.TerminateInstances)],
            deletes.Select(a => a.OperationName).Order(StringComparer.Ordinal));
        Assert.All(deletes, a => Assert.Equal("completed", a.GetTagItem("albbuilder.outcome")));

        Assert.DoesNotContain(activities.SelectMany(a => a.Tags), t => t.Value?.Contains(Secret, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task StartAsync_FailingStep_EndsItsActivityAndTheStartsAsFailedAndTracesTheRollback()
    {
        const string name = "tracing-fail";
        var stopped = new List<Activity>();
        using var listener = Listen(name, stopped);
        await using var cloud = await Cloud.StartAsync();
        cloud.Faults.FailNext("CreateListener", 10, "InvalidConfigurationRequest", 400, "injected");
        await using var lab = AlbLab.Create(name).WithInstances(2).WithLocalCloud(cloud).Build();

        await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        List<Activity> activities;
        lock (stopped)
        {
            activities = [.. stopped];
        }

        var start = Assert.Single(activities, a => a.OperationName == "Start");
        Assert.Equal("failed", start.GetTagItem("albbuilder.outcome"));
        Assert.Equal(ActivityStatusCode.Error, start.Status);
        var failed = Assert.Single(ChildrenOf(start, activities), a => a.OperationName == nameof(LabStep.CreateListener));
        Assert.Equal("failed", failed.GetTagItem("albbuilder.outcome"));
        var rollback = Assert.Single(ChildrenOf(start, activities), a => a.OperationName == nameof(LabStep.Rollback));
        Assert.Equal("completed", rollback.GetTagItem("albbuilder.outcome"));
        Assert.Contains(ChildrenOf(rollback, activities), a => a.OperationName == nameof(LabStep.DeleteLoadBalancer));
    }

    private static List<Activity> ChildrenOf(Activity parent, List<Activity> activities) =>
        [.. activities.Where(a => a.ParentSpanId == parent.SpanId && a.TraceId == parent.TraceId)];

    /// <summary>Records the activities of one lab (tests run in parallel; the listener is process-wide).</summary>
    private static ActivityListener Listen(string lab, List<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "AlbBuilder",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if ((string?)activity.GetTagItem("albbuilder.lab") == lab)
                {
                    lock (stopped)
                    {
                        stopped.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
