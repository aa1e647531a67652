using System.Globalization;
using AlbBuilder.Classroom;
using AlbBuilder.Sample.Cloud;
using Spectre.Console;

namespace AlbBuilder.Sample.Rendering;

/// <summary>A class's summary: how many labs served, which failed and why, how long each operation took, and the API calls.</summary>
internal static class ClassroomSummaryView
{
    /// <param name="console">Where to write.</param>
    /// <param name="labs">How many labs the class has.</param>
    /// <param name="instances">Instances per lab.</param>
    /// <param name="results">The operations that ran, in order (start, verification, teardown).</param>
    /// <param name="classCalls">The calls the class's labs made through the shared clients (every cloud).</param>
    /// <param name="apiCalls">The calls the cloud received and throttled, when it counts them.</param>
    public static void Render(IAnsiConsole console, int labs, int instances, IReadOnlyList<ClassroomResult> results, ApiCallCounts classCalls, ApiCallTally? apiCalls)
    {
        console.Write(new Rule("[bold]summary[/]").LeftJustified());
        var start = results.FirstOrDefault(r => r.Operation == ClassroomOperation.Start);
        var served = start?.SucceededCount ?? 0;
        var counts = string.Join(" · ", results.Skip(1).Select(r => Invariant($"{Verb(r.Operation)} {r.SucceededCount}")));
        console.MarkupLine(Invariant($"[bold]{labs} labs[/] of {instances} instance(s): [bold]{served} served[/]{(counts.Length == 0 ? string.Empty : " · " + counts)}"));

        var durations = string.Join(" · ", results.Select(r => $"{Noun(r.Operation)} {Seconds(r.Duration)}"));
        console.MarkupLine($"Durations: {durations}");
        if (start is not null && start.Outcomes.Any(o => o.Succeeded))
        {
            var perLab = start.Outcomes.Where(o => o.Succeeded).Select(o => o.Duration).Order().ToList();
            console.MarkupLine($"  start per lab: fastest {Seconds(perLab[0])}, median {Seconds(perLab[perLab.Count / 2])}, slowest {Seconds(perLab[^1])}");
        }

        if (classCalls.Requested > 0)
        {
            console.MarkupLine(Invariant(
                $"API calls the labs made: {classCalls.Requested}; sent: {classCalls.Sent} ({classCalls.SentPerLab(labs):0.#} per lab), {classCalls.Coalesced} answered by a shared poll"));
        }

        if (apiCalls is { } calls)
        {
            var by = string.Join(", ", calls.ThrottledByAction.OrderByDescending(p => p.Value).Select(p => Invariant($"{p.Key} {p.Value}")));
            console.MarkupLine(Invariant(
                $"API calls received by LocalCloud: {calls.Total} ({(double)calls.Total / labs:0.#} per lab); throttled: {calls.Throttled}{(by.Length == 0 ? string.Empty : $" ({by}; the SDK retried them)")}"));
        }

        var failures = results.SelectMany(r => r.Failures.Select(f => (r.Operation, Failure: f))).ToList();
        if (failures.Count == 0)
        {
            console.MarkupLine("[green]✔ no lab failed[/]");
            return;
        }

        console.MarkupLine(Invariant($"[red]✘ {failures.Count} failure(s):[/]"));
        foreach (var (operation, failure) in failures)
        {
            console.MarkupLine($"  [red]✘[/] {Markup.Escape(failure.Learner)} ({Verb(operation)}): {Markup.Escape(Arns.Shorten(failure.Error?.Message ?? "?"))}");
        }
    }

    private static string Verb(ClassroomOperation operation) => operation switch
    {
        ClassroomOperation.Start => "start",
        ClassroomOperation.VerifyTraffic => "verified",
        ClassroomOperation.FailoverDrill => "drilled",
        ClassroomOperation.Destroy => "destroyed",
        _ => "swept",
    };

    private static string Noun(ClassroomOperation operation) => operation switch
    {
        ClassroomOperation.Start => "start",
        ClassroomOperation.VerifyTraffic => "traffic check",
        ClassroomOperation.FailoverDrill => "failover drill",
        ClassroomOperation.Destroy => "teardown",
        _ => "sweep",
    };

    private static string Seconds(TimeSpan duration) => Invariant($"{duration.TotalSeconds:0.0} s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
