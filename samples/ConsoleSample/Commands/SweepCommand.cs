using System.CommandLine;
using System.Text.RegularExpressions;
using AlbBuilder.Sample.Cloud;
using AlbBuilder.Sample.Rendering;
using Spectre.Console;

namespace AlbBuilder.Sample.Commands;

/// <summary><c>sweep</c>: destroy every lab whose <c>albbuilder:expires-at</c> has passed.</summary>
internal static partial class SweepCommand
{
    /// <summary>On LocalCloud the sweep demonstrates itself on a lab that expires two seconds after its start.</summary>
    private static readonly TimeSpan _localTimeToLive = TimeSpan.FromSeconds(2);

    public static Command Create(CommandRunner runner)
    {
        var className = new Option<string?>("--class")
        {
            Description = "Instead: destroy every lab of this class (tag albbuilder:class, from `classroom`), whether expired or not; --aws asks first. " +
                "LocalCloud: starts a class of two labs, then sweeps it.",
        };
        var command = new Command(
            "sweep",
            "Destroy every lab whose albbuilder:expires-at tag has passed (labs without one are kept); --aws asks first. " +
            "LocalCloud: starts a lab that expires after two seconds, waits, and sweeps it.")
        {
            className,
        };
        command.SetAction((result, cancellationToken) => result.GetValue(className) is { } name
            ? runner.RunAsync(
                result,
                CommandRunner.Creates.Nothing,
                session => ClassSweepCommand.RunAsync(session, runner.Cloud(result), name),
                cancellationToken,
                precondition: (_, _) => ClassNameRule().IsMatch(name) ? null : $"--class = '{name}': a class's name is 1–26 ASCII letters, digits and hyphens, with no hyphen at either end.")
            : SweepExpiredAsync(runner, result, cancellationToken));
        return command;
    }

    private static Task<int> SweepExpiredAsync(CommandRunner runner, ParseResult result, CancellationToken cancellationToken) =>
        runner.RunAsync(
            result,
            CommandRunner.Creates.Nothing,
            async session =>
            {
                if (session.Cloud.IsLocal)
                {
                    LocalNote.Print(session.Console, "sweep");
                    await session.StartAsync();
                    session.Console.MarkupLine("[grey]Waiting for the lab to expire (its time to live is two seconds)…[/]");
                    await Task.Delay(_localTimeToLive, session.Cloud.LabClock, session.CancellationToken);
                }

                var swept = await SweepAsync(session, runner.Cloud(result));
                if (swept is null)
                {
                    return ExitCodes.Failure;
                }

                if (session.Cloud.IsLocal)
                {
                    return swept.Contains(session.Lab.Name) && await session.CheckNothingLeftAsync() ? ExitCodes.Success : ExitCodes.Failure;
                }

                return ExitCodes.Success;
            },
            cancellationToken,
            (cloud, lab) => cloud.Aws ? lab : lab with { TimeToLive = _localTimeToLive });

    /// <summary>The <c>sweep</c> command line for the same cloud: the same <c>--aws</c>, <c>--region</c> and <c>--profile</c>, or <c>--endpoint</c>.</summary>
    public static string CommandLine(CloudSettings cloud)
    {
        var line = "sweep";
        if (!cloud.Aws && cloud.Endpoint is { } endpoint)
        {
            line += $" --endpoint {endpoint}";
        }

        if (cloud.Aws)
        {
            line += " --aws";
            line += cloud.Region is null ? string.Empty : $" --region {cloud.Region}";
            line += cloud.Profile is null ? string.Empty : $" --profile {cloud.Profile}";
        }

        return line;
    }

    /// <summary>After a second Ctrl+C abandoned a start's rollback: what is left, and how it goes away.</summary>
    public static void PrintLeftovers(IAnsiConsole console, CloudSettings cloud, LabSettings lab, LabResourceSet left)
    {
        console.MarkupLine($"[yellow]Rollback abandoned[/] (second Ctrl+C). Left behind, tagged albbuilder:lab={Markup.Escape(lab.Name)}: {Markup.Escape(string.Join(", ", left))}");
        var sweep = CommandLine(cloud);
        if (!cloud.Aws && cloud.Endpoint is not null)
        {
            // A LocalCloud server outlives this process: remove them now.
            console.MarkupLine($"Remove them with: [bold]{Markup.Escape(sweep.Replace("sweep", $"down --name {lab.Name}", StringComparison.Ordinal))}[/]");
            return;
        }

        if (!cloud.Aws)
        {
            console.MarkupLine($"LocalCloud runs inside this process: its state, these resources included, ends with it, so there is nothing to [bold]{Markup.Escape(sweep)}[/].");
            return;
        }

        var ttl = lab.TimeToLive.TotalHours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        console.MarkupLine($"They expire {ttl} h after the start (albbuilder:expires-at). Remove them then with: [bold]{Markup.Escape(sweep)}[/]");
        console.MarkupLine($"or now with: [bold]{Markup.Escape(sweep.Replace("sweep", $"down --name {lab.Name}", StringComparison.Ordinal))}[/]");
    }

    /// <summary>Destroys the expired labs; returns their names, or null when the user declined.</summary>
    private static async Task<IReadOnlyList<string>?> SweepAsync(LabSession session, CloudSettings cloudSettings)
    {
        var labs = await ListCommand.ListAsync(session);
        var now = session.Cloud.LabClock.GetUtcNow();
        var expired = labs.Where(l => l.IsExpired(now)).ToList();
        session.Console.Write(new Rule("[bold]sweep[/] — expired labs").LeftJustified());
        if (expired.Count == 0)
        {
            session.Console.MarkupLine("Nothing has expired.");
            return [];
        }

        var names = string.Join(", ", expired.Select(l => l.Name));
        if (session.Cloud is AwsLabCloud && !AwsConfirmation.ConfirmDelete(session.Console, cloudSettings, $"the expired labs {names}"))
        {
            session.Console.MarkupLine("Nothing was deleted.");
            return null;
        }

        foreach (var summary in expired)
        {
            await using var lab = LabSession.BuildLab(session.Cloud, summary.Name, session.Settings);
            await lab.AttachAsync(session.CancellationToken);
            await LabProgressView.RunAsync(session.Console, $"Sweeping {summary.Name}…", p => lab.DestroyAsync(p, session.CancellationToken));
            session.Console.MarkupLine($"[green]✔ swept[/] {Markup.Escape(summary.Name)}");
        }

        return [.. expired.Select(l => l.Name)];
    }

    /// <summary>A class's name as the classroom accepts it (its labs, <c>&lt;class&gt;-&lt;learner&gt;</c>, need the rest of the 28 characters).</summary>
    [GeneratedRegex("^(?=.{1,26}$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$")]
    private static partial Regex ClassNameRule();
}
