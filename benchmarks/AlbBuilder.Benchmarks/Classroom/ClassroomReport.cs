using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using AlbBuilder.Classroom;
using AlbBuilder.LocalCloud;

namespace AlbBuilder.Benchmarks.Classroom;

/// <summary>Formats the classroom runs as Markdown: figures per K, the goals of issue 15, calls and throttling per operation.</summary>
internal sealed class ClassroomReport(BenchmarkOptions options, LatencyProfile profile, IReadOnlyList<string> commandLine, string loadBefore, string loadAfter)
{
    private const double MiB = 1024 * 1024;
    private readonly StringBuilder _text = new();

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), to say next to the figures how busy the machine was.</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(" / ", parts.Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    public string Write(IReadOnlyList<ClassroomRunResult> runs)
    {
        var ks = options.Labs;
        var byK = ks.Distinct().ToDictionary(k => k, k => runs.Where(r => r.Labs == k).ToList());
        var concurrency = options.MaxConcurrency ?? AlbClassroom.DefaultMaxConcurrency;
        var rates = AwsRequestRates.Default.Scaled(1 / profile.TimeScale);

        Line($"### Classroom: {profile}, throttling {LocalCloudThrottling.Aws}, K = {string.Join(", ", ks)} labs of 2 instances, {options.Repetitions} repetitions");
        Line();
        Line($"Arguments: `{string.Join(' ', commandLine.Skip(1))}`; {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}; " +
             $"load average (1 / 5 / 15 min) {loadBefore} before, {loadAfter} after.");
        Line($"One LocalCloud per run (fresh), AWS's request buckets refilled × {1 / profile.TimeScale:0.#}; the classroom's request rates `AwsRequestRates.Default.Scaled({1 / profile.TimeScale:0.#})` " +
             $"(batch window a fifth of the poll: {Math.Max(50, 5000 * profile.TimeScale) / 5:0.#} ms), concurrency {concurrency}{(options.MaxConcurrency is null ? " (the library's default)" : string.Empty)}, " +
             $"poll {Math.Max(50, 5000 * profile.TimeScale):0} ms (`WithLocalCloud`), " +
             $"{(options.AdaptiveClients ? "clients in the SDK's Adaptive retry mode (`--adaptive-clients`)" : "LocalCloud's own clients (SDK Standard retry mode, as `WithLocalCloud` gives them)")}. A warm-up run (K = {ks.Min()}) is not counted; the K are interleaved within each repetition.");
        Line();

        Line("| K | time to all serving (s), median (min–max) | floor (s) ¹ | verify (s) | teardown (s) | API calls per lab: start | API calls per lab: whole run | throttled answers (whole run), median (max) | labs serving / verified (all runs) | errors surfaced |");
        Line("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (k, list) in byK)
        {
            var floor = Floor(k, concurrency);
            Line($"| {k} | {Stats.Of(list.Select(r => r.Serving.TotalSeconds)).Format("0.000")} | {floor:0.000} | {Stats.Of(list.Select(r => r.Verify.TotalSeconds)).Format("0.000")} | " +
                 $"{Stats.Of(list.Select(r => r.Teardown.TotalSeconds)).Format("0.000")} | {Stats.Of(list.Select(r => r.StartCallsPerLab)).Format("0.0")} | " +
                 $"{Stats.Of(list.Select(r => r.RunCallsPerLab)).Format("0.0")} | {Stats.Of(list.Select(r => (double)r.RunThrottled)).Median:0} ({list.Max(r => r.RunThrottled)}) | " +
                 $"{list.Sum(r => r.ServingLabs)} / {list.Sum(r => r.VerifiedLabs)} of {list.Sum(r => r.Labs)} | {list.Sum(Surfaced)} |");
        }

        Line();
        Line($"¹ No polling can beat it: each load balancer needs a token of ELBv2's `CreateLoadBalancer` bucket ({ClassroomFloor.CreateLoadBalancerBurst:0} tokens, {ClassroomFloor.CreateLoadBalancerRefillPerSecond} per second on AWS's " +
             $"timescale), provisions {profile.LoadBalancerProvisioning.TotalSeconds / profile.TimeScale:0} s (× {profile.TimeScale}), and at most {concurrency} labs start at once. " +
             $"The same floor with every lab started at once (concurrency ≥ K): {string.Join(", ", ks.Select(k => string.Create(CultureInfo.InvariantCulture, $"K = {k}: {Floor(k, int.MaxValue):0.000} s")))}.");
        Line();

        WriteGoals(byK, concurrency);
        WriteMemory(byK);
        WriteOperations(byK);
        WriteErrors(runs);

        var last = runs[^1];
        var emptyRuns = runs.Count(r => r.InventoryEmpty);
        Line($"Final inventory (after the last run's DestroyAsync, K = {last.Labs}): {(last.InventoryEmpty ? "empty — " : "**NOT EMPTY** — ")}{last.Inventory}. Empty after {emptyRuns} of {runs.Count} runs.");
        return _text.ToString();
    }

    /// <summary>Errors the user saw: every failed lab, plus exceptions out of an operation caused by throttling.</summary>
    private static int Surfaced(ClassroomRunResult run) => run.Errors.Count(e => e.Lab is not null || e.IsThrottling);

    private void WriteGoals(Dictionary<int, List<ClassroomRunResult>> byK, int concurrency)
    {
        var runs = byK.Values.SelectMany(r => r).ToList();
        var (small, large) = (byK.Keys.Min(), byK.Keys.Max());
        Line("Goals:");
        Line();
        Line("| goal | measured (median; worst) | met |");
        Line("|---|---|---|");

        // The same repetition's K = small and K = large runs: same profile, same machine state as nearly as possible.
        var ratios = byK[small].Zip(byK[large], (s, l) => l.Serving.TotalSeconds / s.Serving.TotalSeconds).ToList();
        var ratio = Stats.Of(ratios);
        Goal($"classroom K={large} ÷ K={small} ≤ 1.5", $"{ratio.Median:0.00}; {ratio.Max:0.00}", ratio.Median <= 1.5);

        var surfaced = runs.Sum(Surfaced);
        Goal("throttling errors surfaced", surfaced.ToString(CultureInfo.InvariantCulture), surfaced == 0);

        var start = byK.Keys.Order().Select(k => Stats.Of(byK[k].Select(r => r.StartCallsPerLab)).Median).ToList();
        var whole = byK.Keys.Order().Select(k => Stats.Of(byK[k].Select(r => r.RunCallsPerLab)).Median).ToList();
        Goal(
            "API calls per lab fall as K grows",
            $"start {string.Join(" / ", start.Select(F1))}, whole run {string.Join(" / ", whole.Select(F1))} for K = {string.Join(" / ", byK.Keys.Order())}",
            Falling(start) && Falling(whole));

        var served = runs.Sum(r => r.VerifiedLabs);
        var labs = runs.Sum(r => r.Labs);
        Goal("every lab serves and answers traffic", $"{served} of {labs} labs", served == labs);
        Goal("inventory empty after every teardown", $"{runs.Count(r => r.InventoryEmpty)} of {runs.Count} runs", runs.All(r => r.InventoryEmpty));
        Line($"| throttled answers the cloud sent (absorbed by retries, not surfaced) | {string.Join(" / ", byK.Keys.Order().Select(k => Stats.Of(byK[k].Select(r => (double)r.RunThrottled)).Median.ToString("0", CultureInfo.InvariantCulture)))} per run for K = {string.Join(" / ", byK.Keys.Order())} | – |");
        var floorRatio = Floor(large, concurrency) / Floor(small, concurrency);
        Line($"| the floor's own ratio (¹, concurrency {concurrency}; all at once) | {floorRatio:0.00}; {Floor(large, int.MaxValue) / Floor(small, int.MaxValue):0.00} | – |");
        Line();
    }

    private void WriteMemory(Dictionary<int, List<ClassroomRunResult>> byK)
    {
        Line("Process memory right after StartAsync returned (LocalCloud and the classroom run in this one process):");
        Line();
        Line("| K | RSS (MB), median (min–max) | managed heap after a full GC (MB) |");
        Line("|---|---|---|");
        foreach (var (k, list) in byK.OrderBy(p => p.Key))
        {
            Line($"| {k} | {Stats.Of(list.Select(r => r.Memory.WorkingSetBytes / MiB)).Format("0")} | {Stats.Of(list.Select(r => r.Memory.ManagedHeapBytes / MiB)).Format("0")} |");
        }

        Line();
    }

    private void WriteOperations(Dictionary<int, List<ClassroomRunResult>> byK)
    {
        var keys = byK.Keys.Order().ToList();
        Line("Calls LocalCloud received per lab and operation, whole run (median over repetitions; throttled answers included), and throttled answers (sum over repetitions):");
        Line();
        Line($"| operation | {string.Join(" | ", keys.Select(k => $"calls per lab, K = {k}"))} | {string.Join(" | ", keys.Select(k => $"throttled, K = {k}"))} |");
        Line($"|---|{string.Concat(keys.Select(_ => "---|"))}{string.Concat(keys.Select(_ => "---|"))}");
        var operations = byK.Values.SelectMany(l => l).SelectMany(r => r.CallsByOperation.Keys).Distinct().Order(StringComparer.Ordinal);
        foreach (var op in operations)
        {
            var perLab = keys.Select(k => F1(Stats.Of(byK[k].Select(r => (double)r.CallsByOperation.GetValueOrDefault(op) / k)).Median));
            var throttled = keys.Select(k => byK[k].Sum(r => r.ThrottledByOperation.GetValueOrDefault(op)).ToString(CultureInfo.InvariantCulture));
            Line($"| {op} | {string.Join(" | ", perLab)} | {string.Join(" | ", throttled)} |");
        }

        Line();
    }

    private void WriteErrors(IReadOnlyList<ClassroomRunResult> runs)
    {
        var errors = runs.SelectMany(r => r.Errors.Select(e => (r.Labs, e))).ToList();
        if (errors.Count == 0)
        {
            Line("Errors that reached the caller: none (no failed lab, no exception out of StartAsync, VerifyTrafficAsync or DestroyAsync).");
            Line();
            return;
        }

        Line($"Errors that reached the caller ({errors.Count}; the first 10):");
        Line();
        foreach (var (labs, e) in errors.Take(10))
        {
            Line($"- K = {labs}, {e.Operation}, {e.Lab ?? "(whole operation)"}{(e.IsThrottling ? ", throttling" : string.Empty)}: {e.Message}");
        }

        Line();
    }

    private double Floor(int labs, int concurrency) =>
        ClassroomFloor.Of(labs, concurrency, profile.LoadBalancerProvisioning / profile.TimeScale).TotalSeconds * profile.TimeScale;

    private static bool Falling(IReadOnlyList<double> values) => values.Zip(values.Skip(1), (a, b) => b < a).All(x => x);

    private static string F1(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private void Goal(string goal, string measured, bool met) => Line($"| {goal} | {measured} | {(met ? "yes" : "no")} |");

    private void Line(string text = "") => _text.Append(text).Append('\n');
}
