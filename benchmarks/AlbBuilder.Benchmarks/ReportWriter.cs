using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace AlbBuilder.Benchmarks;

/// <summary>Formats the results as Markdown: timing against the bounds, the goals, API calls against N, waiter density.</summary>
internal sealed class ReportWriter(BenchmarkOptions options, CriticalPath path, IReadOnlyList<string> commandLine)
{
    /// <summary>LocalCloud's default VPC has one default subnet in each of three zones.</summary>
    private const int AvailabilityZones = 3;

    private static readonly CultureInfo _inv = CultureInfo.InvariantCulture;
    private readonly StringBuilder _text = new();

    public string Write(IReadOnlyList<LabRunResult> overlapped, IReadOnlyList<LabRunResult> sequential, IReadOnlyList<LabRunResult> census)
    {
        var profile = path.Profile;
        Line($"### Results: {profile}, N = {options.Instances}, {options.Repetitions} repetitions");
        Line();
        Line($"Arguments: `{string.Join(' ', commandLine.Skip(1))}`; {Environment.ProcessorCount} logical CPUs, " +
             $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB available to .NET, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}.");
        var poll = options.Poll ?? TimeSpan.FromMilliseconds(Math.Max(50, 5000 * options.Scale));
        Line($"Poll interval {Ms(poll)} (backing off to {Ms(poll * 3)}); health-check interval {Ms(path.HealthCheckInterval)}; API round trip {Ms(path.RoundTrip)} (median DescribeVpcs).");
        Line($"Profile latencies: LB provisioning {Ms(profile.LoadBalancerProvisioning)}, instance pending {Ms(profile.InstancePending)}, web server ready {Ms(profile.WebServerReady)}, " +
             $"LB deletion {Ms(profile.LoadBalancerDeletion)}, ENI linger {Ms(profile.NetworkInterfaceLinger)}, shutting-down {Ms(profile.InstanceStopping)}, DNS propagation {Ms(profile.DnsPropagation)} after creation.");
        Line();

        var serving = Stats.Of(overlapped.Select(r => r.Serving.TotalSeconds));
        var teardown = Stats.Of(overlapped.Select(r => r.Teardown.TotalSeconds));
        var servingBound = path.ServingBound.TotalSeconds;
        var teardownBound = path.TeardownBound.TotalSeconds;
        var servingRatio = Stats.Of(overlapped.Select(r => r.Serving.TotalSeconds / servingBound));
        var teardownRatio = Stats.Of(overlapped.Select(r => r.Teardown.TotalSeconds / teardownBound));

        Line("| figure (seconds; median (min–max)) | ours (overlapped) | sequential baseline | lower bound | ours ÷ bound | sequential ÷ ours |");
        Line("|---|---|---|---|---|---|");
        var seqServing = Stats.Of(sequential.Select(r => r.Serving.TotalSeconds));
        var speedup = sequential.Count == overlapped.Count && sequential.Count > 0
            ? Stats.Of(sequential.Zip(overlapped, (s, o) => s.Serving.TotalSeconds / o.Serving.TotalSeconds))
            : null;
        Line($"| time to serving (StartAsync until every target healthy) | {serving.Format("0.000")} | {Or(seqServing, "0.000")} | {servingBound:0.000} | {servingRatio.Format("0.000")} | {(speedup is null ? "–" : speedup.Format("0.00"))} |");
        Line($"| teardown (DestroyAsync) | {teardown.Format("0.000")} | {Or(Stats.Of(sequential.Select(r => r.Teardown.TotalSeconds)), "0.000")} | {teardownBound:0.000} | {teardownRatio.Format("0.000")} | – |");
        Line($"| traffic check (VerifyTrafficAsync, max(20, 2N) requests) | {Stats.Of(overlapped.Select(r => r.Verify.TotalSeconds)).Format("0.000")} | – | – | – | – |");
        var firstServedBound = path.FirstServedBound.TotalSeconds;
        var firstServed = Stats.Of(overlapped.Select(r => (r.Serving + r.Verify).TotalSeconds));
        var firstServedRatio = Stats.Of(overlapped.Select(r => (r.Serving + r.Verify).TotalSeconds / firstServedBound));
        Line($"| time to first served request (StartAsync + VerifyTrafficAsync, which waits for DNS propagation) | {firstServed.Format("0.000")} | – | {firstServedBound:0.000} | {firstServedRatio.Format("0.000")} | – |");
        Line();
        Line("Where the time to serving goes (overlapped; seconds after StartAsync, median (min–max)):");
        Line();
        Line("| moment | measured | from the profile |");
        Line("|---|---|---|");
        var created = Stats.Of(overlapped.Select(r => r.LoadBalancerCreated?.TotalSeconds ?? double.NaN));
        Line($"| CreateLoadBalancer answered | {created.Format("0.000")} | – |");
        Line($"| load balancer active (created + provisioning) | – | {created.Median + profile.LoadBalancerProvisioning.TotalSeconds:0.000} |");
        Line($"| WaitLoadBalancerActive saw it | {Stats.Of(overlapped.Select(r => r.LoadBalancerActiveSeen?.TotalSeconds ?? double.NaN)).Format("0.000")} | – |");
        Line($"| WaitTargetsHealthy started | {Stats.Of(overlapped.Select(r => r.HealthyWaitStarted?.TotalSeconds ?? double.NaN)).Format("0.000")} | – |");
        Line($"| StartAsync returned (every target healthy) | {serving.Format("0.000")} | bound {servingBound:0.000} |");
        Line();

        var all = overlapped.Concat(sequential).Concat(census).ToList();
        var failed = all.Where(r => r.TrafficFailure is not null).ToList();
        Line($"Traffic right after StartAsync returned: {all.Count - failed.Count} of {all.Count} runs served every request at once" +
             (failed.Count == 0 ? "." : $"; in the others the check was repeated until it did (first failure: {failed[0].TrafficFailure})."));
        Line();

        Line("Goals:");
        Line();
        Line("| goal | measured (median; worst) | met |");
        Line("|---|---|---|");
        Goal("time to serving ≤ 1.10 × bound", $"{servingRatio.Median:0.000}; {servingRatio.Max:0.000}", servingRatio.Median <= 1.10);
        Goal("time to first served request ≤ 1.10 × bound (with DNS propagation)", $"{firstServedRatio.Median:0.000}; {firstServedRatio.Max:0.000}", firstServedRatio.Median <= 1.10);
        if (speedup is not null)
        {
            Goal("sequential ÷ ours ≥ 1.6", $"{speedup.Median:0.00}; {speedup.Min:0.00} (the profile allows at most {path.SequentialServingBound.TotalSeconds / servingBound:0.00})", speedup.Median >= 1.6);
        }

        Goal("teardown ≤ 1.10 × bound", $"{teardownRatio.Median:0.000}; {teardownRatio.Max:0.000}", teardownRatio.Median <= 1.10);
        var limit = 20 + AvailabilityZones;
        var worstOther = census.Max(r => Math.Max(r.StartCalls.Other, r.DestroyCalls.Other));
        var constant = census.Select(r => r.StartCalls.Other).Distinct().Count() == 1 && census.Select(r => r.DestroyCalls.Other).Distinct().Count() == 1;
        Goal($"calls other than waiter polls constant in N and ≤ 20 + AZs = {limit} per operation", $"start {string.Join(" / ", census.Select(r => r.StartCalls.Other))}, destroy {string.Join(" / ", census.Select(r => r.DestroyCalls.Other))} for N = {string.Join(" / ", census.Select(r => r.Instances))}", constant && worstOther <= limit);
        var runs = overlapped.Concat(census).SelectMany(r => r.WaiterRuns).ToList();
        var densest = runs.Count == 0 ? 0 : runs.Max(w => (double)w.Polls / w.OfficialMaxPolls(options.Scale));
        Goal("waiter polls no denser than the official schedule (15 s between attempts, scaled)", $"worst waiter made {densest:0.00} × the official schedule's polls", densest <= 1.0);
        Line();

        Line("API calls per operation against N (one run each; waiter polls are the DescribeInstances / DescribeLoadBalancers / DescribeTargetHealth attempts of a waiter):");
        Line();
        Line("| N | start: other calls | start: waiter polls | verify: calls | destroy: other calls | destroy: waiter polls | time to serving (s) | teardown (s) |");
        Line("|---|---|---|---|---|---|---|---|");
        foreach (var r in census)
        {
            Line($"| {r.Instances} | {r.StartCalls.Other} | {r.StartCalls.WaiterPolls} | {r.VerifyCalls.Total} | {r.DestroyCalls.Other} | {r.DestroyCalls.WaiterPolls} | {r.Serving.TotalSeconds:0.000} | {r.Teardown.TotalSeconds:0.000} |");
        }

        Line();
        Line("Start and destroy calls by operation (waiter polls included in the Describe counts):");
        Line();
        Line($"| operation | {string.Join(" | ", census.Select(r => $"N = {r.Instances}"))} |");
        Line($"|---|{string.Concat(census.Select(_ => "---|"))}");
        var operations = census.SelectMany(r => r.StartCalls.ByOperation.Keys.Concat(r.DestroyCalls.ByOperation.Keys)).Distinct().Order(StringComparer.Ordinal);
        foreach (var op in operations)
        {
            Line($"| {op} | {string.Join(" | ", census.Select(r => r.StartCalls.ByOperation.GetValueOrDefault(op) + r.DestroyCalls.ByOperation.GetValueOrDefault(op)))} |");
        }

        Line();
        Line("Waiter density (all runs): polls per waiter step against the most the official 15 s schedule (scaled) allows over the same span:");
        Line();
        Line("| waiter step | runs | polls, median (min–max) | official max, median | worst ratio |");
        Line("|---|---|---|---|---|");
        foreach (var group in runs.GroupBy(w => w.Step).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal))
        {
            Line($"| {group.Key} | {group.Count()} | {Stats.Of(group.Select(w => (double)w.Polls)).Format("0")} | {Stats.Of(group.Select(w => (double)w.OfficialMaxPolls(options.Scale))).Median:0} | {group.Max(w => (double)w.Polls / w.OfficialMaxPolls(options.Scale)):0.00} |");
        }

        return _text.ToString();
    }

    private static string Ms(TimeSpan t) => string.Create(_inv, $"{t.TotalMilliseconds:0.#} ms");

    private static string Or(Stats stats, string format) => double.IsNaN(stats.Median) ? "–" : stats.Format(format);

    private void Goal(string goal, string measured, bool met) => Line($"| {goal} | {measured} | {(met ? "yes" : "**no**")} |");

    private void Line(string text = "") => _text.Append(text).Append('\n');
}
