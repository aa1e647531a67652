using AlbBuilder.Classroom;
using AlbBuilder.Sample.Cloud;
using Spectre.Console;

namespace AlbBuilder.Sample.Commands;

/// <summary>What a class may leave behind, how to find it, and the command that removes it.</summary>
internal static class ClassLeftovers
{
    /// <summary>
    /// The check a class's commands end with. On LocalCloud in this process, its whole inventory is empty; elsewhere (AWS,
    /// a LocalCloud server) a sweep by class finds no lab tagged with the class — and removes what it finds, which is
    /// then reported as left behind.
    /// </summary>
    public static async Task<bool> CheckAsync(LabSession session, string className)
    {
        if (session.Cloud.IsLocal)
        {
            return await session.CheckNothingLeftAsync();
        }

        var found = await AlbClassroom.SweepAsync(SweepTemplate(session.Cloud), className, null, session.CancellationToken);
        if (found.Outcomes.Count == 0)
        {
            session.Console.MarkupLine($"[green]✔ nothing left[/]: a sweep by class finds no resource tagged {ClassroomTags.Class}={Markup.Escape(className)}.");
            return true;
        }

        session.Console.MarkupLine(
            $"[red]✘ Left behind, tagged {ClassroomTags.Class}={Markup.Escape(className)}:[/] {Markup.Escape(string.Join(", ", found.Outcomes.Select(o => o.LabName)))} " +
            $"(swept now: {found.SucceededCount} removed, {found.FailedCount} failed).");
        return false;
    }

    /// <summary>The lab description a sweep deletes with: only the cloud's clients, clock, polling and timeouts count.</summary>
    public static AlbLabBuilder SweepTemplate(ILabCloud cloud) => cloud.Configure(AlbLab.Create());

    /// <summary>The <c>sweep --class</c> command line for the same cloud (the same <c>--aws</c>, <c>--region</c>, <c>--profile</c>, or <c>--endpoint</c>).</summary>
    public static string SweepCommandLine(CloudSettings cloud, string className) =>
        "sweep --class " + className + SweepCommand.CommandLine(cloud)["sweep".Length..];

    /// <summary>After a cancelled class start: what was rolled back, and what to run if anything might remain.</summary>
    /// <param name="session">The command's session.</param>
    /// <param name="cloud">The cloud settings, for the sweep's command line.</param>
    /// <param name="className">The class.</param>
    /// <param name="rolledBack">The labs that had started and were rolled back.</param>
    /// <param name="notRolledBack">The labs whose rollback did not finish (failed, or abandoned by a second Ctrl+C).</param>
    /// <param name="abandoned">Whether a second Ctrl+C abandoned the rollbacks.</param>
    public static async Task PrintCancelledAsync(
        LabSession session, CloudSettings cloud, string className, IReadOnlyList<string> rolledBack, IReadOnlyList<string> notRolledBack, bool abandoned)
    {
        var console = session.Console;
        console.MarkupLine(rolledBack.Count == 0
            ? "[yellow]Cancelled[/] before any lab started: nothing was created."
            : $"[yellow]Cancelled.[/] Rolled back {rolledBack.Count} lab(s) that had started: {Markup.Escape(string.Join(", ", rolledBack))}.");
        if (abandoned)
        {
            console.MarkupLine($"[yellow]Rollback abandoned[/] (second Ctrl+C): what is left keeps its tags, {ClassroomTags.Class}={Markup.Escape(className)}.");
        }

        if (notRolledBack.Count > 0)
        {
            console.MarkupLine($"[yellow]Not rolled back completely:[/] {Markup.Escape(string.Join(", ", notRolledBack))}.");
        }

        if (session.Cloud.IsLocal)
        {
            // The inventory says for certain; what is left ends with this process anyway.
            if (!await session.CheckNothingLeftAsync())
            {
                console.MarkupLine("LocalCloud runs inside this process: its state, these resources included, ends with it.");
            }

            return;
        }

        if (abandoned || notRolledBack.Count > 0)
        {
            console.MarkupLine($"Remove what is left with: [bold]{Markup.Escape(SweepCommandLine(cloud, className))}[/]");
        }
    }
}
