using AlbBuilder.Sample.Cloud;
using Amazon.EC2.Model;

namespace AlbBuilder.Sample.Proving;

/// <summary>
/// A stand-in for <c>IAlbLab.RunFailoverDrillAsync</c> (the library's drill is internal until the lab exposes it) built
/// only on public APIs: stop instance 1, prove the survivors alone serve, start it, prove all serve again, and restore
/// the instance whatever happens. Delete this file once the lab method is on main; <see cref="LabProofs"/> is the switch.
/// </summary>
internal sealed class InterimFailoverDrill(IAlbLab lab, ILabCloud cloud, DrillOptions options, IProgress<DrillEvent>? progress)
{
    private static readonly TimeSpan _poll = TimeSpan.FromSeconds(5);
    private readonly List<DrillEvent> _timeline = [];

    public async Task<DrillReport> RunAsync(CancellationToken cancellationToken)
    {
        var status = await lab.GetStatusAsync(cancellationToken);
        var instances = status.Instances;
        if (instances.Count < 2 || options.InstanceIndex > instances.Count)
        {
            throw new InvalidOperationException($"A failover drill needs at least 2 instances and InstanceIndex within them; the lab has {instances.Count}.");
        }

        var victim = instances[options.InstanceIndex - 1];
        var survivors = instances.Where(i => i != victim).ToList();
        Record(DrillStep.Discover, $"{instances.Count} instances; will stop {victim.Name}");

        var baseline = await VerifyAsync(instances, cancellationToken);
        var baselineAll = ServedByExactly(baseline, instances);
        Record(DrillStep.Baseline, baselineAll ? $"every instance serves — {baseline}" : $"not every instance serves — {baseline}", baselineAll);
        if (!baselineAll)
        {
            return Report(victim, survivors, baseline, null, null, false, false, false, DrillStep.Baseline);
        }

        var started = false;
        try
        {
            await cloud.Ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [victim.InstanceId] }, cancellationToken);
            Record(DrillStep.StopInstance, $"stop requested for {victim.Name}");
            await WaitForAsync(s => Find(s, victim).TargetState == "unused", options.TargetUnusedTimeout, cancellationToken);
            Record(DrillStep.WaitTargetUnused, $"{victim.Name} is an unused target");

            var during = await VerifyAsync(survivors, cancellationToken);
            var onlySurvivors = ServedByExactly(during, survivors);
            Record(DrillStep.VerifySurvivors, $"{(onlySurvivors ? "only survivors served" : "NOT only survivors served")} — {during}", onlySurvivors);

            await WaitForAsync(s => Find(s, victim).State == "stopped", options.InstanceStoppedTimeout, cancellationToken);
            Record(DrillStep.WaitInstanceStopped, $"{victim.Name} is stopped");
            await cloud.Ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [victim.InstanceId] }, cancellationToken);
            started = true;
            Record(DrillStep.StartInstance, $"start requested for {victim.Name}");

            // The target waiter treats an unused target (stopped instance) as final, so wait for the instance first.
            await WaitForAsync(s => Find(s, victim) is { State: "running" } i && i.TargetState != "unused", options.TargetsHealthyTimeout, cancellationToken);
            await lab.WaitForHealthyAsync(options.TargetsHealthyTimeout, cancellationToken);
            Record(DrillStep.WaitTargetsHealthy, "every target is healthy");

            var restored = await VerifyAsync(instances, cancellationToken);
            var allAgain = ServedByExactly(restored, instances);
            Record(DrillStep.VerifyAllServe, $"{(allAgain ? "every instance serves again" : "not every instance serves again")} — {restored}", allAgain);
            DrillStep? failed = !onlySurvivors ? DrillStep.VerifySurvivors : !allAgain ? DrillStep.VerifyAllServe : null;
            return Report(victim, survivors, baseline, during, restored, true, onlySurvivors, allAgain, failed);
        }
        finally
        {
            if (!started)
            {
                // The restore guarantee: never leave the lab with an instance stopped by the drill.
                await RestoreAsync(victim);
            }
        }
    }

    private async Task RestoreAsync(InstanceStatus victim)
    {
        using var bounded = new CancellationTokenSource(options.RestoreTimeout, cloud.LabClock);
        try
        {
            await WaitForAsync(s => Find(s, victim).State is "stopped" or "running" or "pending", options.RestoreTimeout, bounded.Token);
            await cloud.Ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [victim.InstanceId] }, bounded.Token);
            Record(DrillStep.Restore, $"started {victim.Name} again");
        }
        catch (Exception ex)
        {
            Record(DrillStep.Restore, $"could not start {victim.Name} again ({ex.Message}); start it yourself", false);
        }
    }

    private Task<TrafficReport> VerifyAsync(IReadOnlyList<InstanceStatus> expected, CancellationToken cancellationToken) =>
        LabProofs.VerifyTrafficAsync(
            lab,
            cloud,
            new TrafficOptions { Requests = options.Requests, ExpectedBackends = [.. expected.Select(i => i.PrivateDnsName!)] },
            cancellationToken);

    private static bool ServedByExactly(TrafficReport traffic, IReadOnlyList<InstanceStatus> instances) =>
        traffic.AllSucceeded && traffic.UnknownBackend == 0 && traffic.MissingBackends.Count == 0 && traffic.UnexpectedBackends.Count == 0
        && instances.All(i => traffic.CountFor(i.PrivateDnsName!) > 0);

    private static InstanceStatus Find(LabStatus status, InstanceStatus instance) =>
        status.Instances.First(i => i.InstanceId == instance.InstanceId);

    private async Task WaitForAsync(Func<LabStatus, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(timeout, cloud.LabClock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        while (!condition(await lab.GetStatusAsync(linked.Token)))
        {
            await Task.Delay(_poll, cloud.LabClock, linked.Token);
        }
    }

    private void Record(DrillStep step, string detail, bool ok = true)
    {
        var entry = new DrillEvent(cloud.LabClock.GetUtcNow(), step, ok ? LabEventKind.Completed : LabEventKind.Failed, detail);
        _timeline.Add(entry);
        progress?.Report(entry);
    }

    private DrillReport Report(
        InstanceStatus victim,
        IReadOnlyList<InstanceStatus> survivors,
        TrafficReport baseline,
        TrafficReport? during,
        TrafficReport? restored,
        bool baselineAll,
        bool onlySurvivors,
        bool allAgain,
        DrillStep? failed) => new()
        {
            InstanceId = victim.InstanceId,
            InstanceName = victim.Name,
            Survivors = [.. survivors.Select(s => s.Name ?? s.InstanceId)],
            Timeline = [.. _timeline],
            BaselineTraffic = baseline,
            SurvivorTraffic = during,
            RestoredTraffic = restored,
            TransitionWindow = TimeSpan.Zero,
            BaselineAllServed = baselineAll,
            OnlySurvivorServed = onlySurvivors,
            AllServeAgain = allAgain,
            FailedStep = failed,
        };
}
