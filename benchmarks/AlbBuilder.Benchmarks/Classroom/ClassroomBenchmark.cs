using System.Diagnostics;
using AlbBuilder.Classroom;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Amazon.Runtime;
using AlbBuilder.LocalCloud;
using Cloud = AlbBuilder.LocalCloud.LocalCloud;

namespace AlbBuilder.Benchmarks.Classroom;

/// <summary>
/// Issue 15: K labs of 2 instances started as one classroom on ONE LocalCloud with AWS's request throttling on (buckets
/// refilled at the profile's pace), the classroom's own request rates scaled the same way; then the traffic check, the
/// teardown, and the cloud's inventory. Only public API: the call counts are LocalCloud's server-side <c>cloud.Calls</c>.
/// </summary>
internal sealed class ClassroomBenchmark(BenchmarkOptions options, Action<string> progress)
{
    private int _runs;

    public LatencyProfile Profile { get; } = LatencyProfile.Realistic(options.Scale);

    /// <summary>A warm-up run (K = the smallest, not counted), then every K once per repetition, K interleaved.</summary>
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var loadBefore = ClassroomReport.LoadAverage();
        progress($"classroom: {Profile}, throttling {LocalCloudThrottling.Aws}, K = {string.Join(", ", options.Labs)}; warm-up run");
        await RunOnceAsync(options.Labs.Min(), cancellationToken);

        var runs = new List<ClassroomRunResult>();
        for (var rep = 1; rep <= options.Repetitions; rep++)
        {
            foreach (var labs in options.Labs)
            {
                var run = await RunOnceAsync(labs, cancellationToken);
                runs.Add(run);
                progress($"rep {rep}, K={labs}: serving {run.Serving.TotalSeconds:0.000} s ({run.ServingLabs}/{labs}), verify {run.Verify.TotalSeconds:0.000} s ({run.VerifiedLabs}/{labs}), " +
                         $"teardown {run.Teardown.TotalSeconds:0.000} s; calls {run.StartCalls} start / {run.RunCalls} run, throttled {run.RunThrottled}; " +
                         $"errors {run.Errors.Count}; RSS {run.Memory.WorkingSetBytes / 1048576.0:0} MB; inventory {(run.InventoryEmpty ? "empty" : run.Inventory)}");
            }
        }

        var report = new ClassroomReport(options, Profile, Environment.GetCommandLineArgs(), loadBefore, ClassroomReport.LoadAverage());
        return report.Write(runs);
    }

    private async Task<ClassroomRunResult> RunOnceAsync(int labs, CancellationToken cancellationToken)
    {
        await using var cloud = await Cloud.StartAsync(
            new LocalCloudOptions { LatencyProfile = Profile, Throttling = LocalCloudThrottling.Aws }, cancellationToken);
        var template = AlbLab.Create().WithInstances(2).WithLocalCloud(cloud);
        using var ec2 = options.AdaptiveClients ? new AmazonEC2Client(cloud.Credentials, cloud.ConfigureEc2(new AmazonEC2Config { RetryMode = RequestRetryMode.Adaptive })) : null;
        using var elb = options.AdaptiveClients
            ? new AmazonElasticLoadBalancingV2Client(cloud.Credentials, cloud.ConfigureElasticLoadBalancingV2(new AmazonElasticLoadBalancingV2Config { RetryMode = RequestRetryMode.Adaptive }))
            : null;
        if (ec2 is not null && elb is not null)
        {
            // Only the clients change; WithLocalCloud's clock, polling, timeouts and traffic handler stay.
            template = template.WithAwsClients(ec2, elb);
        }

        var builder = AlbClassroom.Create(template)
            .WithName($"bench{++_runs}")
            .ForLearners("learner-{0:00}", labs)
            // The client's buckets refill as fast as the cloud's: AWS's rates per simulated second.
            .WithRequestRates(AwsRequestRates.Default.Scaled(1 / Profile.TimeScale));
        if (options.MaxConcurrency is { } concurrency)
        {
            builder = builder.WithMaxConcurrency(concurrency);
        }

        var errors = new List<SurfacedError>();
        await using var classroom = builder.Build();

        cloud.Calls.Reset();
        var watch = Stopwatch.StartNew();
        var start = await CatchAsync("Start", () => classroom.StartAsync(null, cancellationToken), errors, cancellationToken);
        var serving = watch.Elapsed;
        var startCalls = cloud.Calls.Total;
        var startThrottled = cloud.Calls.Throttled;
        var memory = MeasureMemory();

        watch.Restart();
        var verify = await CatchAsync("VerifyTraffic", () => classroom.VerifyTrafficAsync(null, null, cancellationToken), errors, cancellationToken);
        var verifying = watch.Elapsed;

        watch.Restart();
        await CatchAsync("Destroy", () => classroom.DestroyAsync(null, cancellationToken), errors, cancellationToken);
        var teardown = watch.Elapsed;

        var inventory = cloud.GetInventory();
        var calls = cloud.Calls.ToDictionary()
            .Where(p => !p.Key.Contains(':', StringComparison.Ordinal))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var throttled = calls.Keys
            .Select(op => (op, n: cloud.Calls.ThrottledOf(op)))
            .Where(p => p.n > 0)
            .ToDictionary(p => p.op, p => p.n, StringComparer.Ordinal);
        return new ClassroomRunResult(
            labs,
            serving,
            verifying,
            teardown,
            startCalls,
            cloud.Calls.Total,
            startThrottled,
            cloud.Calls.Throttled,
            start?.SucceededCount ?? 0,
            verify?.Outcomes.Count(Verified) ?? 0,
            errors,
            inventory.ToString(),
            inventory.IsEmpty,
            memory,
            throttled,
            calls);
    }

    /// <summary>Runs one classroom operation; every failed lab and any exception out of it is an error its user saw.</summary>
    private static async Task<ClassroomResult?> CatchAsync(
        string operation, Func<Task<ClassroomResult>> run, List<SurfacedError> errors, CancellationToken cancellationToken)
    {
        try
        {
            var result = await run();
            errors.AddRange(result.Failures.Select(f => new SurfacedError(operation, f.LabName, FirstLine(f.Error), ThrottlingErrors.IsThrottling(f.Error))));
            return result;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            errors.Add(new SurfacedError(operation, null, $"{ex.GetType().Name}: {FirstLine(ex)}", ThrottlingErrors.IsThrottling(ex)));
            return null;
        }
    }

    private static bool Verified(LabOutcome outcome) =>
        outcome is { Succeeded: true, Traffic: { } traffic }
        && traffic.Succeeded == traffic.Samples.Count
        && traffic.MissingBackends.Count == 0;

    /// <summary>
    /// The process's RSS right after the start (LocalCloud and the classroom share this process, as in the issue's
    /// measurement), and the managed heap after a full collection. Taken outside the timed sections.
    /// </summary>
    private static ProcessMemory MeasureMemory()
    {
        using var process = Process.GetCurrentProcess();
        var rss = process.WorkingSet64;
        return new ProcessMemory(rss, GC.GetTotalMemory(forceFullCollection: true));
    }

    private static string FirstLine(Exception? error)
    {
        var message = error?.Message ?? "(no error)";
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? message : message[..end].TrimEnd();
    }
}
