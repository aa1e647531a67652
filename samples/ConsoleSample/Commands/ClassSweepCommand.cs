using AlbBuilder.Classroom;
using AlbBuilder.Sample.Cloud;
using AlbBuilder.Sample.Rendering;
using Spectre.Console;

namespace AlbBuilder.Sample.Commands;

/// <summary>
/// <c>sweep --class &lt;name&gt;</c>: delete every lab of a class, found by its <c>albbuilder:class</c> tag (also what a
/// cancelled or crashed <c>classroom</c> left), printing each lab removed, then check that nothing of the class is left.
/// </summary>
internal static class ClassSweepCommand
{
    /// <summary>On LocalCloud in this process, the class the sweep demonstrates itself on.</summary>
    private const int LocalLabs = 2;

    public static async Task<int> RunAsync(LabSession session, CloudSettings cloudSettings, string className)
    {
        var console = session.Console;
        var template = ClassLeftovers.SweepTemplate(session.Cloud);
        if (session.Cloud.IsLocal)
        {
            console.MarkupLine($"[grey]LocalCloud lives only inside this process, so [bold]sweep --class[/] starts a class of {LocalLabs} labs here first and sweeps it. With [bold]--aws[/] or [bold]--endpoint[/] it sweeps a class left by [bold]classroom --keep[/] or by a cancelled class.[/]");
            await StartLocalClassAsync(session, className);
        }

        console.Write(new Rule($"[bold]sweep[/] — every lab tagged {ClassroomTags.Class}={Markup.Escape(className)}").LeftJustified());
        if (session.Cloud is AwsLabCloud && !AwsConfirmation.ConfirmDelete(console, cloudSettings, $"every lab tagged {ClassroomTags.Class}={className}"))
        {
            console.MarkupLine("Nothing was deleted.");
            return ExitCodes.Failure;
        }

        var board = new ClassroomBoard([], session.Settings.Instances, _ => null);
        ClassroomResult? swept = null;
        await ClassroomTableView.RunAsync(console, board, async p => swept = await AlbClassroom.SweepAsync(template, className, p, session.CancellationToken));
        foreach (var outcome in swept!.Outcomes)
        {
            console.MarkupLine(outcome.Succeeded
                ? $"[green]✔ swept[/] {Markup.Escape(outcome.LabName)} (learner {Markup.Escape(outcome.Learner)})"
                : $"[red]✘ not swept[/] {Markup.Escape(outcome.LabName)}: {Markup.Escape(Arns.Shorten(outcome.Error?.Message ?? "?"))}");
        }

        console.MarkupLine(swept.Outcomes.Count == 0 ? $"No lab of class {Markup.Escape(className)} was found." : Markup.Escape(swept.ToString()));
        var clean = await ClassLeftovers.CheckAsync(session, className);
        return swept.AllSucceeded && clean ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The class to sweep on LocalCloud: started and deliberately not torn down (as a crashed run would leave it).</summary>
    private static async Task StartLocalClassAsync(LabSession session, string className)
    {
        var template = session.Cloud.Configure(LabSession.Describe(className, session.Settings));
        var classroom = AlbClassroom.Create(template)
            .WithName(className)
            .ForLearners(ClassroomArguments.LearnerPattern, LocalLabs)
            .WithRequestRates(session.Cloud.ClassroomRequestRates)
            .Build();
        var board = new ClassroomBoard(classroom.Labs, session.Settings.Instances, learner => classroom.Labs.First(l => l.Learner == learner).Lab.Url);
        session.Console.Write(new Rule($"[bold]classroom[/] — class [bold]{Markup.Escape(className)}[/], left running").LeftJustified());
        await ClassroomTableView.RunAsync(session.Console, board, p => classroom.StartAsync(p, session.CancellationToken));

        // Not disposed: disposing would tear the labs down, and they are here to be swept. The clients are the cloud's.
    }
}
