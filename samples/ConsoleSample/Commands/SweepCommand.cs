using System.CommandLine;
using AlbBuilder.Sample.Cloud;
using AlbBuilder.Sample.Rendering;
using Spectre.Console;

namespace AlbBuilder.Sample.Commands;

/// <summary><c>sweep</c>: destroy every lab whose <c>albbuilder:expires-at</c> has passed.</summary>
internal static class SweepCommand
{
    /// <summary>On LocalCloud the sweep demonstrates itself on a lab that expires two seconds after its start.</summary>
    private static readonly TimeSpan _localTimeToLive = TimeSpan.FromSeconds(2);

    public static Command Create(CommandRunner runner)
    {
        var command = new Command(
            "sweep",
            "Destroy every lab whose albbuilder:expires-at tag has passed (labs without one are kept); --aws asks first. " +
            "LocalCloud: starts a lab that expires after two seconds, waits, and sweeps it.");
        command.SetAction((result, cancellationToken) => runner.RunAsync(
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
            (cloud, lab) => cloud.Aws ? lab : lab with { TimeToLive = _localTimeToLive }));
        return command;
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
}
