using System.Globalization;
using AlbBuilder.Classroom;
using Spectre.Console;

namespace AlbBuilder.Sample.Rendering;

/// <summary>
/// Shows a class's operation live: a table, one row per lab (learner, state, step, URL, healthy targets), redrawn as the
/// classroom's events arrive. Without a terminal (a file, a pipe, the tests) it prints one line per change of state instead.
/// </summary>
internal static class ClassroomTableView
{
    /// <summary>How often the live table is redrawn; events only update the rows.</summary>
    private static readonly TimeSpan _redraw = TimeSpan.FromMilliseconds(150);

    /// <summary>Runs <paramref name="operation"/> with its events drawn on <paramref name="board"/>.</summary>
    /// <param name="console">Where to draw.</param>
    /// <param name="board">The rows, kept across operations (start, then verify, then teardown).</param>
    /// <param name="operation">The classroom operation, given the progress sink.</param>
    public static async Task RunAsync(IAnsiConsole console, ClassroomBoard board, Func<IProgress<ClassroomEvent>, Task> operation)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            var started = DateTimeOffset.UtcNow;
            await operation(new SyncProgress<ClassroomEvent>(e =>
            {
                if (board.Apply(e) is { } row)
                {
                    console.MarkupLine(Line(row, DateTimeOffset.UtcNow - started, board.Instances));
                }
            }));
            return;
        }

        var progress = new SyncProgress<ClassroomEvent>(e => board.Apply(e));
        await console.Live(Render(board)).AutoClear(false).StartAsync(async context =>
        {
            var work = operation(progress);
            while (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(_redraw));
                context.UpdateTarget(Render(board));
                context.Refresh();
            }

            await work;
        });
    }

    /// <summary>The table as it stands.</summary>
    public static Table Render(ClassroomBoard board)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Learner", "State", "Step", "URL", "Healthy targets");
        foreach (var row in board.Rows)
        {
            table.AddRow(
                Markup.Escape(row.Learner),
                State(row.State),
                Markup.Escape(row.Error is { } error && row.State == ClassroomLabState.Failed ? Truncate(error, 60) : row.Step ?? string.Empty),
                row.Url is { } url ? $"[link]{Markup.Escape(url.ToString())}[/]" : "[grey]-[/]",
                row.Healthy is { } healthy ? Invariant($"{healthy}/{board.Instances}") : "[grey]-[/]");
        }

        return table;
    }

    /// <summary>One line for a change of state: time since the start, learner, state, and the URL or the error.</summary>
    public static string Line(ClassroomBoard.Row row, TimeSpan offset, int instances)
    {
        var detail = row.State switch
        {
            ClassroomLabState.Failed => $" [red]{Markup.Escape(row.Error ?? string.Empty)}[/]",
            ClassroomLabState.Serving => Invariant($" ({row.Healthy}/{instances} targets healthy) {Markup.Escape(row.Url?.ToString() ?? string.Empty)}"),
            _ => string.Empty,
        };
        return Invariant($"[grey]{offset.TotalSeconds,6:0.0}s[/] {Markup.Escape(row.Learner),-14} {State(row.State)}{detail}");
    }

    private static string State(ClassroomLabState state) => state switch
    {
        ClassroomLabState.Serving or ClassroomLabState.Verified or ClassroomLabState.Drilled => $"[green]{state}[/]",
        ClassroomLabState.Destroyed => $"[grey]{state}[/]",
        ClassroomLabState.Failed => $"[red]{state}[/]",
        ClassroomLabState.Cancelled => $"[yellow]{state}[/]",
        _ => state.ToString(),
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
