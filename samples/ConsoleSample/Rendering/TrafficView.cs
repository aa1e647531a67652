using System.Globalization;
using Spectre.Console;

namespace AlbBuilder.Sample.Rendering;

/// <summary>A traffic report as a bar chart of who served how many requests, plus failures and latency.</summary>
internal static class TrafficView
{
    private static readonly Color[] _colors = [Color.Green, Color.Blue, Color.Orange1, Color.Purple, Color.Teal, Color.Yellow];

    public static void Render(IAnsiConsole console, TrafficReport report, LabStatus? status, string title)
    {
        var chart = new BarChart().Width(72).Label($"[bold]{Markup.Escape(title)}[/]");
        var i = 0;
        foreach (var backend in report.Backends)
        {
            chart.AddItem(Markup.Escape(BackendLabels.Label(status, backend.Backend)), backend.Count, _colors[i++ % _colors.Length]);
        }

        if (report.UnknownBackend > 0)
        {
            chart.AddItem("unknown backend", report.UnknownBackend, Color.Grey);
        }

        foreach (var failure in report.Failures)
        {
            chart.AddItem(Markup.Escape($"failed: {failure.Reason}"), failure.Count, Color.Red);
        }

        console.Write(chart);
        var latency = report.Latency;
        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Succeeded}/{report.Total} succeeded; {(report.IsBalanced ? "[green]balanced[/]" : "[yellow]not balanced[/]")} within ±{report.BalanceTolerance:P0}; latency p50 {latency.P50.TotalMilliseconds:0} ms, p90 {latency.P90.TotalMilliseconds:0} ms, max {latency.Max.TotalMilliseconds:0} ms"));
    }
}
