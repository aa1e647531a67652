using System.Diagnostics;
using System.Globalization;
using AlbBuilder.Classroom;
using AlbBuilder.Sample.Cloud;
using AlbBuilder.Sample.Rendering;
using Spectre.Console;

namespace AlbBuilder.Sample.Commands;

/// <summary>
/// One <c>classroom</c> run on one cloud: build the class from the sample's lab, start it under a live table, check
/// traffic per lab, tear it down (unless kept), summarise, and end with the check that nothing is left.
/// </summary>
internal sealed class ClassroomSession(LabSession session, ClassroomArguments arguments, CloudSettings cloudSettings)
{
    private IAnsiConsole Console => session.Console;

    public async Task<int> RunAsync()
    {
        var elapsed = Stopwatch.StartNew();
        var cloud = session.Cloud;
        var template = cloud.Configure(LabSession.Describe(arguments.ClassName, session.Settings));
        var classroom = arguments.Describe(template).WithRequestRates(cloud.ClassroomRequestRates).Build();
        var keep = arguments.Keep && !cloud.IsLocal;
        var abandoned = false;
        try
        {
            PrintHeader(classroom);
            var board = new ClassroomBoard(classroom.Labs, session.Settings.Instances, learner => classroom.Labs.First(l => l.Learner == learner).Lab.Url);
            var results = new List<ClassroomResult>();
            using (session.AbandonRollbackToken.Register(() =>
            {
                abandoned = true;
                classroom.AbandonRollback();
            }))
            {
                try
                {
                    await ClassroomTableView.RunAsync(Console, board, async p => results.Add(await classroom.StartAsync(p, session.CancellationToken)));
                }
                catch (OperationCanceledException) when (session.CancellationToken.IsCancellationRequested)
                {
                    var rows = board.Rows;
                    await ClassLeftovers.PrintCancelledAsync(
                        session,
                        cloudSettings,
                        classroom.Name,
                        [.. rows.Where(r => r.Started && r.State == ClassroomLabState.Cancelled).Select(r => r.LabName)],
                        [.. rows.Where(r => r.Started && r.State != ClassroomLabState.Cancelled).Select(r => r.LabName)],
                        abandoned);
                    return ExitCodes.Cancelled;
                }
                catch (ClassroomQuotaException ex)
                {
                    Console.MarkupLine($"[red]✘ {Markup.Escape(ex.Message)}[/]");
                    Console.MarkupLine("Nothing was created: the quota pre-flight runs before any lab starts.");
                    return ExitCodes.Failure;
                }
            }

            Console.Write(new Rule("[bold]verify[/] — traffic through every lab's load balancer").LeftJustified());
            await ClassroomTableView.RunAsync(Console, board, async p => results.Add(await classroom.VerifyTrafficAsync(null, p, session.CancellationToken)));
            if (keep)
            {
                return PrintKept(classroom, results);
            }

            if (arguments.Keep)
            {
                Console.MarkupLine("[grey]LocalCloud lives only inside this process, so --keep cannot keep the class: it is removed now. Use --endpoint or --aws for a class that stays.[/]");
            }

            Console.Write(new Rule($"[bold]down[/] — class [bold]{Markup.Escape(classroom.Name)}[/]").LeftJustified());
            await ClassroomTableView.RunAsync(Console, board, async p => results.Add(await classroom.DestroyAsync(p, session.CancellationToken)));
            ClassroomSummaryView.Render(Console, classroom.Labs.Count, session.Settings.Instances, results, classroom.ApiCalls, cloud.ApiCalls);
            Console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Elapsed: [bold]{elapsed.Elapsed.TotalSeconds:0.0} s[/]"));

            // Last, so that the output ends with it.
            var clean = await ClassLeftovers.CheckAsync(session, classroom.Name);
            return results.All(r => r.AllSucceeded) && clean ? ExitCodes.Success : ExitCodes.Failure;
        }
        finally
        {
            // Disposing tears down what the start created; a kept class, or one whose rollback was abandoned, stays for the sweep.
            if (!keep && !abandoned)
            {
                await classroom.DisposeAsync();
            }
        }
    }

    private void PrintHeader(IAlbClassroom classroom)
    {
        Console.Write(new Rule(string.Create(
            CultureInfo.InvariantCulture,
            $"[bold]classroom[/] — class [bold]{Markup.Escape(classroom.Name)}[/]: {classroom.Labs.Count} labs of {session.Settings.Instances} instance(s)")).LeftJustified());
        if (arguments.GeneratedName)
        {
            Console.MarkupLine($"[grey]The class's name was generated; give one with --name. Every resource is tagged {ClassroomTags.Class}={Markup.Escape(classroom.Name)}.[/]");
        }

        var speed = session.Cloud.ClassroomRequestRates.Speed;
        Console.MarkupLine(speed == 1
            ? "[grey]Every lab shares one set of rate-limited clients at AWS's request rates (EC2's and ELBv2's published buckets).[/]"
            : string.Create(CultureInfo.InvariantCulture, $"[grey]Every lab shares one set of rate-limited clients at AWS's request rates ×{speed:0.#}, as fast as this cloud's time runs.[/]"));
    }

    private int PrintKept(IAlbClassroom classroom, List<ClassroomResult> results)
    {
        ClassroomSummaryView.Render(Console, classroom.Labs.Count, session.Settings.Instances, results, classroom.ApiCalls, session.Cloud.ApiCalls);
        var where = session.Cloud is AwsLabCloud ? "and costs money " : string.Empty;
        Console.MarkupLine($"The class stays {where}until [bold]{Markup.Escape(ClassLeftovers.SweepCommandLine(cloudSettings, classroom.Name))}[/].");
        return results.All(r => r.AllSucceeded) ? ExitCodes.Success : ExitCodes.Failure;
    }
}
