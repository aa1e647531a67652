using System.Globalization;
using Spectre.Console;

namespace AlbBuilder.Sample.Rendering;

/// <summary>A failover drill: its timeline, who served in each phase, and the two verdicts.</summary>
internal static class DrillView
{
    /// <summary>Prints a timeline entry as it happens.</summary>
    public static void RenderEvent(IAnsiConsole console, DrillEvent entry, DateTimeOffset start)
    {
        var offset = (entry.Timestamp - start).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var mark = entry.Kind == LabEventKind.Failed ? "[red]✘[/]" : "[green]✔[/]";
        var detail = entry.Detail.Split(" — ", 2)[0];
        console.MarkupLine($"[grey]{offset,6}s[/] {mark} [bold]{entry.Step}[/] {Markup.Escape(detail)}");
    }

    /// <summary>Prints who served in each phase and the verdicts; returns whether the drill succeeded.</summary>
    public static bool RenderResult(IAnsiConsole console, DrillReport report, LabStatus? status)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Phase", "Served by");
        AddPhase(table, "before the stop", report.BaselineTraffic, status);
        AddPhase(table, $"{report.InstanceName ?? report.InstanceId} stopped", report.SurvivorTraffic, status);
        AddPhase(table, "after the restart", report.RestoredTraffic, status);
        console.Write(table);

        var survivors = string.Join(", ", report.Survivors);
        var two = report.Survivors.Count == 1;
        if (report.OnlySurvivorServed)
        {
            console.MarkupLine($"[green]✔ {(two ? "only the survivor served" : "only the survivors served")}[/] ({Markup.Escape(survivors)}) while {Markup.Escape(report.InstanceName ?? report.InstanceId)} was stopped");
        }
        else
        {
            console.MarkupLine($"[red]✘ FAILED: traffic did not go to {Markup.Escape(survivors)} alone while {Markup.Escape(report.InstanceName ?? report.InstanceId)} was stopped[/]");
        }

        if (report.TransitionFailures > 0 || report.CutOverAfter is not null)
        {
            var cutOver = report.CutOverAfter is { } after ? $"; traffic cut over {after.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s after the stop" : string.Empty;
            console.MarkupLine($"[grey]  transition: {report.TransitionFailures} failed inside the window, {report.FailedAfterWindow + report.StoppedServedAfterWindow} after it{cutOver}[/]");
        }

        if (report.AllServeAgain)
        {
            console.MarkupLine($"[green]✔ {(two ? "both serve again" : "all serve again")}[/] after the restart");
        }
        else
        {
            console.MarkupLine("[red]✘ FAILED: not every instance serves again after the restart[/]");
        }

        return report.Succeeded;
    }

    private static void AddPhase(Table table, string phase, TrafficReport? traffic, LabStatus? status)
    {
        if (traffic is null)
        {
            table.AddRow(Markup.Escape(phase), "[grey]not run[/]");
            return;
        }

        var served = traffic.Backends.Select(b => $"{FirstName(status, b.Backend)} {b.Count}")
            .Concat(traffic.Failures.Select(f => $"failed ({f.Reason}) {f.Count}"));
        table.AddRow(Markup.Escape(phase), Markup.Escape(string.Join(", ", served)));
    }

    private static string FirstName(LabStatus? status, string backend) =>
        BackendLabels.FindInstance(status, backend)?.Name ?? backend;
}
