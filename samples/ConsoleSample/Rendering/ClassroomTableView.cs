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

    /// <summary>"Destroying", the longest state.</summary>
    private const int StateWidth = 10;

    /// <summary>Enough for most steps ("WaitLoadBalancerActive"); errors are cut short here and printed whole in the summary.</summary>
    private const int StepWidth = 22;

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
        await console.Live(Render(board, console.Profile.Width)).AutoClear(false).StartAsync(async context =>
        {
            var work = operation(progress);
            while (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(_redraw));
                context.UpdateTarget(Render(board, console.Profile.Width));
                context.Refresh();
            }

            await work;
        });
    }

    /// <summary>The table as it stands: one line per lab (long cells end with …), so that its height never changes while it is live.</summary>
    public static Table Render(ClassroomBoard board, int consoleWidth)
    {
        // Fixed widths for the short columns: the URL takes what is left of the console, and is cut short first.
        var rows = board.Rows;
        var learnerWidth = Math.Max("Learner".Length, rows.Count == 0 ? 0 : rows.Max(r => r.Learner.Length));
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Learner").NoWrap().Width(learnerWidth))
            .AddColumn(new TableColumn("State").NoWrap().Width(StateWidth))
            .AddColumn(new TableColumn("Step").NoWrap().Width(StepWidth))
            .AddColumn(new TableColumn("URL").NoWrap())
            .AddColumn(new TableColumn("Healthy").NoWrap().Width("Healthy".Length));

        // Spectre cannot shrink one long word (a URL) in a column: cut it to what the other columns leave (6 borders, 2 spaces a column).
        var urlWidth = Math.Max(8, consoleWidth - (learnerWidth + StateWidth + StepWidth + "Healthy".Length) - 6 - (2 * 5));
        foreach (var row in rows)
        {
            var step = row.Error is { } error && row.State == ClassroomLabState.Failed
                ? $"[red]{Markup.Escape(Truncate(error, StepWidth))}[/]"
                : Markup.Escape(Truncate(row.Step ?? string.Empty, StepWidth));
            var url = row.Url is not { } address ? "[grey]-[/]"
                : row.State == ClassroomLabState.Destroyed ? $"[grey strikethrough]{Markup.Escape(Truncate(address.ToString(), urlWidth))}[/]" // gone; kept so the table keeps its shape
                : $"[link={Markup.Escape(address.ToString())}]{Markup.Escape(Truncate(address.ToString(), urlWidth))}[/]";
            table.AddRow(
                Cell(Markup.Escape(row.Learner)),
                Cell(State(row.State)),
                Cell(step),
                Cell(url),
                Cell(row.Healthy is { } healthy ? Invariant($"{healthy}/{board.Instances}") : "[grey]-[/]"));
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

    private static Markup Cell(string markup) => new Markup(markup).Overflow(Overflow.Ellipsis);

    private static string Truncate(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
