using AlbBuilder.Building;
using AlbBuilder.LocalCloud;
using AlbBuilder.Provisioning;
using Cloud = AlbBuilder.LocalCloud.LocalCloud;

namespace AlbBuilder.Benchmarks;

/// <summary>One full lab on a fresh LocalCloud: StartAsync (until healthy) → VerifyTrafficAsync → DestroyAsync.</summary>
internal sealed class LabRunner(BenchmarkOptions options)
{
    private int _labs;

    public LatencyProfile Profile { get; } = LatencyProfile.Realistic(options.Scale);

    public async Task<LabRunResult> RunAsync(RunMode mode, int instances, CancellationToken cancellationToken)
    {
        await using var cloud = await Cloud.StartAsync(new LocalCloudOptions { LatencyProfile = Profile }, cancellationToken);
        var builder = AlbLab.Create($"perf-{++_labs}")
            .WithInstances(Math.Min(instances, AlbLab.MaxInstances))
            .WithUserData(UserData.HelloHttpd())
            .ListenOn(80)
            // Both modes open the instances to direct browsing; only the sequential baseline browses them, as the
            // seed's first step does (each instance's own page at its public address) before the load balancer.
            .WithDirectInstanceAccess("0.0.0.0/0")
            .WithLocalCloud(cloud);
        if (options.Poll is { } poll)
        {
            builder = builder.WithPolling(poll);
        }

        // Internal, benchmark only: N beyond AlbLab.MaxInstances (the builder's guard against typos and small
        // vCPU quotas) and the sequential baseline's start order (the ILabStartOrder seam). Everything else is the
        // shipped code path.
        var definition = builder.BuildDefinition() with { InstanceCount = instances };
        ILabStartOrder order = mode == RunMode.Sequential ? new SequentialStartOrder() : LabStartGraph.Instance;
        await using var lab = new AlbLabResource(definition, builder.CreateServices(), order);
        var log = new EventLog();

        cloud.Calls.Reset();
        var started = log.Now;
        await lab.StartAsync(log, cancellationToken);
        var serving = log.Now;
        var startCalls = cloud.Calls.ToDictionary();

        // Every request must reach a backend and every backend must answer. A failed check is retried (and reported):
        // "healthy" should already mean "serving", so a retry here is a finding, not noise.
        cloud.Calls.Reset();
        string? firstFailure = null;
        for (var attempt = 1; ; attempt++)
        {
            var traffic = await lab.VerifyTrafficAsync(new TrafficOptions { Requests = Math.Max(20, 2 * instances) }, cancellationToken);
            if (traffic.Succeeded == traffic.Samples.Count && traffic.MissingBackends.Count == 0)
            {
                break;
            }

            var failure = $"{traffic.Succeeded}/{traffic.Samples.Count} succeeded ({string.Join("; ", traffic.Failures)}) at {(log.Now - serving).TotalMilliseconds:0} ms after StartAsync returned";
            firstFailure ??= failure;
            if (attempt == 50)
            {
                throw new InvalidOperationException($"Traffic check failed 50 times; first: {firstFailure}; last: {failure}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }

        var verified = log.Now;
        var verifyCalls = cloud.Calls.ToDictionary();

        cloud.Calls.Reset();
        await lab.DestroyAsync(log, cancellationToken);
        var destroyed = log.Now;
        var destroyCalls = cloud.Calls.ToDictionary();
        var inventory = cloud.GetInventory();
        if (!inventory.IsEmpty)
        {
            throw new InvalidOperationException($"Teardown left resources behind: {inventory}");
        }

        if (options.Trace)
        {
            foreach (var (at, e) in log.Events)
            {
                Console.Error.WriteLine($"  {at.TotalMilliseconds,8:0.0} ms  {e.Step,-30} {e.Kind,-9} {e.Message}");
            }
        }

        var startPolls = log.WaiterRuns(started, serving);
        var destroyPolls = log.WaiterRuns(verified, destroyed);
        return new LabRunResult(
            mode,
            instances,
            serving - started,
            verified - serving,
            destroyed - verified,
            log.Last(LabStep.CreateLoadBalancer, LabEventKind.Completed) - started,
            log.Last(LabStep.WaitLoadBalancerActive, LabEventKind.Completed) - started,
            log.Last(LabStep.WaitTargetsHealthy, LabEventKind.Started) - started,
            PhaseCalls.From(startCalls, startPolls.Sum(w => w.Polls)),
            PhaseCalls.From(verifyCalls, log.WaiterRuns(serving, verified).Sum(w => w.Polls)),
            PhaseCalls.From(destroyCalls, destroyPolls.Sum(w => w.Polls)),
            [.. startPolls, .. destroyPolls],
            firstFailure);
    }

    /// <summary>The median round trip of a cheap call (DescribeVpcs) to a LocalCloud on this machine, after warm-up.</summary>
    public static async Task<TimeSpan> MeasureRoundTripAsync(CancellationToken cancellationToken)
    {
        await using var cloud = await Cloud.StartAsync(cancellationToken: cancellationToken);
        using var ec2 = cloud.CreateEc2Client();
        var samples = new List<double>();
        for (var i = 0; i < 60; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await ec2.DescribeVpcsAsync(new Amazon.EC2.Model.DescribeVpcsRequest(), cancellationToken);
            if (i >= 10)
            {
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return TimeSpan.FromMilliseconds(Stats.Of(samples).Median);
    }
}
