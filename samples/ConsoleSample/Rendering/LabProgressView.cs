using System.Globalization;
using Spectre.Console;

namespace AlbBuilder.Sample.Rendering;

/// <summary>Shows a lab operation live: a spinner with the current step, and a line per finished step.</summary>
internal static class LabProgressView
{
    /// <summary>Runs <paramref name="operation"/> under a status spinner fed by its <see cref="LabEvent"/>s.</summary>
    /// <param name="console">Where to draw.</param>
    /// <param name="title">What the spinner says before the first event.</param>
    /// <param name="operation">The lab operation, given the progress sink.</param>
    public static async Task RunAsync(IAnsiConsole console, string title, Func<IProgress<LabEvent>, Task> operation)
    {
        DateTimeOffset? first = null;
        void Line(LabEvent e)
        {
            first ??= e.Timestamp;
            var offset = (e.Timestamp - first.Value).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            if (e.Kind != LabEventKind.Started && e.Kind != LabEventKind.Progress)
            {
                console.MarkupLine($"[grey]{offset,6}s[/] {Mark(e.Kind)} [bold]{Markup.Escape(e.Step.ToString())}[/] {Markup.Escape(Arns.Shorten(e.Message))}");
            }
        }

        if (!console.Profile.Capabilities.Interactive)
        {
            // No spinner to update when the output is a file or a pipe: just the finished steps.
            await operation(new SyncProgress<LabEvent>(Line));
            return;
        }

        await console.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync(Markup.Escape(title), async context =>
            {
                var progress = new SyncProgress<LabEvent>(e =>
                {
                    context.Status(Markup.Escape($"{e.Step}: {Arns.Shorten(e.Message)}"));
                    Line(e);
                });
                await operation(progress);
            });
    }

    private static string Mark(LabEventKind kind) => kind switch
    {
        LabEventKind.Completed => "[green]✔[/]",
        LabEventKind.Removed => "[grey]−[/]",
        LabEventKind.Failed => "[red]✘[/]",
        _ => "•",
    };
}
